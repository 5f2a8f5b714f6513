import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, host, renderApp } from '../../test/render';

const family = {
  id: 'f-1', name: 'Chen', address: '1 Wuyi Road, Fuzhou', bedrooms: 3, beds: 2, pets: ['cat'], smoking: false, languages: ['zh', 'en'], diets: ['vegetarian'], interests: [],
  guestGender: 'any', guestAgeMin: 14, guestAgeMax: 18, availability: [{ from: '2027-08-01', to: '2027-08-20' }],
  members: [{ id: 'hm-1', name: 'Chen Hong', dateOfBirth: '1980-03-02', relation: 'parent', gender: 'female' }],
  vetting: { eligibleForMinors: false, evaluatedOn: '2027-06-01' },
};
const placement = {
  id: 'offer-9', delegationId: 'd-1', delegation: { title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', from: '2027-08-01', to: '2027-08-10' }, familyId: 'f-1', familyName: 'Chen',
  status: 'confirmed', confirmedAt: '2027-07-01T10:00:00Z', guest: { givenName: 'Emily', familyName: 'Carter', diet: ['vegetarian'], allergies: ['peanut'] },
};
const invalid = (fields: { field: string; messages: string[] }[]) => ({ status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['invalid'], fields } });

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/host-matching/families': { body: { items: [family], total: 1 } },
    'GET /api/host-matching/families/:id': { body: family },
    'GET /api/host-matching/offers': (c: { search: string }) => ({ body: { items: c.search.includes('status=confirmed') ? [placement] : [], total: 1 } }),
    ...extra,
  } as never;
}

describe('host household', () => {
  it('shows the profile, members, availability, vetting from the family record and the confirmed placement', async () => {
    const { fetchImpl, calls } = fakeApi(routes());
    renderApp({ path: '/household', fetchImpl, session: host });
    expect(await screen.findByLabelText('Family name')).toHaveValue('Chen');
    expect(screen.getByLabelText('Languages spoken')).toHaveValue('zh, en');
    expect(within(screen.getByTestId('household-member')).getByLabelText('Name')).toHaveValue('Chen Hong');
    expect(within(screen.getByTestId('availability-period')).getByLabelText('From')).toHaveValue('2027-08-01');
    expect(within(screen.getByTestId('vetting')).getByText('Not yet eligible to host minors')).toBeInTheDocument();
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    expect(within(card).getByText(/Arrives with the delegation on/)).toBeInTheDocument();
    expect(within(card).getByText('Peanuts')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/host-matching/families/f-1/vetting')).toBe(false);
    expect(calls.filter((c) => c.path === '/api/host-matching/offers').map((c) => new URLSearchParams(c.search).get('status')).sort()).toEqual(['accepted', 'confirmed']);
  });

  it('tells the host that a change of the household waits for a youth manager’s review', async () => {
    const pending = { ...family, vetting: { eligibleForMinors: false, evaluatedOn: '2027-06-01', householdReviewPending: true } };
    const { fetchImpl } = fakeApi(routes({ 'GET /api/host-matching/families': { body: { items: [pending], total: 1 } }, 'GET /api/host-matching/families/:id': { body: pending } }));
    renderApp({ path: '/household', fetchImpl, session: host });
    const notice = await screen.findByTestId('household-review-pending');
    expect(notice).toHaveTextContent('a youth manager confirms the change before you can host minors again');
    expect(within(screen.getByTestId('vetting')).queryByText(/Your coordinator can tell you/)).not.toBeInTheDocument();
  });

  it('pets and diets are codes chosen from the vocabulary, sent as codes with the note', async () => {
    const { fetchImpl, calls } = fakeApi(routes({ 'PATCH /api/host-matching/families/:id': (c: { body: object }) => ({ body: { ...family, ...c.body } }) }));
    renderApp({ path: '/household', fetchImpl, session: host });
    const pets = await screen.findByRole('group', { name: 'Pets' });
    expect(within(pets).getByRole('checkbox', { name: 'Cat' })).toBeChecked();
    await userEvent.click(within(pets).getByRole('checkbox', { name: 'Dog' }));
    await userEvent.type(screen.getByLabelText('About the pets (optional)'), 'an old labrador, sleeps outside');
    await userEvent.click(screen.getByRole('button', { name: 'Save household' }));
    expect(await screen.findByText('Household saved')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PATCH').at(-1)!.body).toMatchObject({ pets: ['cat', 'dog'], petsNote: 'an old labrador, sleeps outside', diets: ['vegetarian'] });
  });

  it('shows the guest’s arrival, the airport pickup and the departure in local time, naming the zone', async () => {
    const sea = { kind: 'airport', code: 'SEA', name: 'Seattle–Tacoma', city: 'Seattle', timeZone: 'America/Los_Angeles' };
    const pek = { kind: 'airport', code: 'PEK', name: 'Beijing Capital', city: 'Beijing', timeZone: 'Asia/Shanghai' };
    const journey = { mode: 'flight', carrier: 'CA', arrivalAt: '2027-04-10T18:30:00Z', departureAt: '2027-04-10T05:00:00Z' };
    const mine = {
      offerId: 'offer-9', status: 'confirmed',
      delegation: { id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-04-10', endDate: '2027-04-20', status: 'confirmed' },
      family: { id: 'f-1', name: 'Chen' }, guest: { memberId: 'm-1', participantId: null, givenName: 'Emily', familyName: 'Carter' }, stay: { from: '2027-04-10', to: '2027-04-20' },
      arrival: { ...journey, segmentId: 's-1', number: '983', label: 'CA 983', status: 'booked', from: pek, to: sea, departureLocal: '2027-04-10T13:00', departureTimeZone: 'Asia/Shanghai', arrivalLocal: '2027-04-10T11:30', arrivalTimeZone: 'America/Los_Angeles' },
      departure: { ...journey, segmentId: 's-2', number: '984', label: 'CA 984', status: 'requested', from: sea, to: pek, departureLocal: '2027-04-20T13:45', departureTimeZone: 'America/Los_Angeles', arrivalLocal: '2027-04-21T17:00', arrivalTimeZone: 'Asia/Shanghai' },
      pickup: {
        runId: 'r-1', meetingPlace: sea, meetingAt: '2027-04-10T19:15:00Z', meetingLocal: '2027-04-10T12:15:00', timeZone: 'America/Los_Angeles', segmentId: 's-1', landsLocal: '2027-04-10T11:30:00',
        driverKind: 'volunteer', driverName: 'Sam Ruiz', seats: 7, dropOff: { kind: 'homestay', label: 'Chen family', address: '1 Wuyi Road, Fuzhou' },
      },
    };
    const { fetchImpl } = fakeApi(routes({ 'GET /api/logistics/my-placements': { body: { items: [mine], total: 1 } } }));
    renderApp({ path: '/household', fetchImpl, session: host });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    const travel = await within(card).findByTestId('placement-travel');
    expect(within(travel).getByRole('heading', { name: 'Arrival and pickup' })).toBeInTheDocument();
    expect(within(travel).getByText('Arrives Sat, Apr 10, 2027, 11:30 AM (America/Los_Angeles) at Seattle–Tacoma (SEA) on CA 983')).toBeInTheDocument();
    expect(within(travel).getByText('Meeting Sat, Apr 10, 2027, 12:15 PM (America/Los_Angeles) at Seattle–Tacoma (SEA)')).toBeInTheDocument();
    expect(within(travel).getByText('Driver: Sam Ruiz (volunteer)')).toBeInTheDocument();
    expect(within(travel).getByText(/Drop-off at your home \(Chen family\)/)).toBeInTheDocument();
    expect(within(travel).getByText('Leaves Tue, Apr 20, 2027, 1:45 PM (America/Los_Angeles) from Seattle–Tacoma (SEA) on CA 984')).toBeInTheDocument();
    // only the departure is still a request
    expect(within(travel).getAllByText('not yet booked')).toHaveLength(1);
  });

  it('without a pickup run it says none is planned; a requested arrival is flagged', async () => {
    const mine = arrivalOnly('requested');
    const { fetchImpl } = fakeApi(routes({ 'GET /api/logistics/my-placements': { body: { items: [mine], total: 1 } } }));
    renderApp({ path: '/household', fetchImpl, session: host });
    const travel = await screen.findByTestId('placement-travel');
    expect(within(travel).getByText('No pickup planned yet')).toBeInTheDocument();
    expect(within(travel).getByText('No departure journey known yet')).toBeInTheDocument();
    expect(within(travel).getByText('not yet booked')).toBeInTheDocument();
  });

  it('in Chinese the arrival keeps its local wall clock', async () => {
    const mine = arrivalOnly('booked');
    const { fetchImpl } = fakeApi(routes({ 'GET /api/logistics/my-placements': { body: { items: [mine], total: 1 } } }));
    renderApp({ path: '/household', fetchImpl, session: host, language: 'zh' });
    const travel = await screen.findByTestId('placement-travel');
    expect(within(travel).getByText(/乘 CA 983 抵达 Seattle–Tacoma \(SEA\)/)).toHaveTextContent(/2027.*11:30.*America\/Los_Angeles/);
    expect(within(travel).getByText('尚未安排接机')).toBeInTheDocument();
  });

  it('saves the household; a member’s field error shows at that member’s field and nothing typed is lost; then it saves', async () => {
    let tries = 0;
    const { fetchImpl, calls } = fakeApi(
      routes({
        'PATCH /api/host-matching/families/:id': (c: { body: { members: unknown[] } }) =>
          ++tries === 1 ? invalid([{ field: 'members.1.dateOfBirth', messages: ['dateOfBirth must be a valid ISO 8601 date string'] }]) : { body: { ...family, ...c.body } },
      }),
    );
    renderApp({ path: '/household', fetchImpl, session: host });
    await userEvent.click(await screen.findByRole('button', { name: 'Add a member' }));
    const second = screen.getAllByTestId('household-member')[1];
    await userEvent.type(within(second).getByLabelText('Name'), 'Chen Li');
    await userEvent.type(within(second).getByLabelText('Relation'), 'child');
    await userEvent.click(screen.getByRole('button', { name: 'Add a period' }));
    await userEvent.type(within(screen.getAllByTestId('availability-period')[1]).getByLabelText('From'), '2027-09-01');
    await userEvent.click(screen.getByRole('button', { name: 'Save household' }));
    const dob = within(second).getByLabelText('Date of birth');
    await waitFor(() => expect(dob).toHaveAccessibleDescription('dateOfBirth must be a valid ISO 8601 date string'));
    expect(within(second).getByLabelText('Name')).toHaveValue('Chen Li');
    await userEvent.type(dob, '2012-05-06');
    await userEvent.click(screen.getByRole('button', { name: 'Save household' }));
    expect(await screen.findByText('Household saved')).toBeInTheDocument();
    const body = calls.filter((c) => c.method === 'PATCH').at(-1)!.body as { members: unknown[]; availability: unknown[]; languages: string[] };
    expect(body.members).toEqual([family.members[0], { name: 'Chen Li', dateOfBirth: '2012-05-06', relation: 'child', gender: 'undisclosed' }]);
    expect(body.availability).toEqual([family.availability[0], { from: '2027-09-01', to: '' }]);
    expect(body.languages).toEqual(['zh', 'en']);
  });

  it('withdraws a placement with a reason; the reason’s error shows at the field', async () => {
    const { fetchImpl, calls } = fakeApi(
      routes({
        'POST /api/host-matching/offers/:id/withdraw': (c: { body: { reason: string } }) =>
          c.body.reason.length < 3 ? invalid([{ field: 'reason', messages: ['reason must be longer than or equal to 3 characters'] }]) : { body: { ...placement, status: 'withdrawn' } },
      }),
    );
    renderApp({ path: '/household', fetchImpl, session: host });
    const card = await screen.findByRole('article', { name: 'Emily Carter' });
    await userEvent.click(within(card).getByRole('button', { name: 'Withdraw' }));
    const reason = within(card).getByLabelText(/Reason for withdrawing/);
    await userEvent.type(reason, 'ill');
    await userEvent.clear(reason);
    await userEvent.type(reason, 'no');
    await userEvent.click(within(card).getByRole('button', { name: 'Withdraw the placement' }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription('reason must be longer than or equal to 3 characters'));
    await userEvent.type(reason, ' longer: family illness');
    await userEvent.click(within(card).getByRole('button', { name: 'Withdraw the placement' }));
    expect(await within(card).findByText(/Placement withdrawn/)).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/host-matching/offers/offer-9/withdraw').map((c) => c.body)).toEqual([{ reason: 'no' }, { reason: 'no longer: family illness' }]);
  });

  it('makes a family calendar feed with the arrival and pickups', async () => {
    const { fetchImpl, calls } = fakeApi(routes({ 'POST /api/logistics/delegations/:id/calendar-feeds': { status: 201, body: { id: 'cf-1', kind: 'family', subjectId: 'f-1', url: 'http://127.0.0.1:3000/api/logistics/calendar/abc.ics' } } }));
    renderApp({ path: '/household', fetchImpl, session: host });
    await userEvent.click(await screen.findByRole('button', { name: 'Calendar with arrival and pickup' }));
    expect(await screen.findByText('http://127.0.0.1:3000/api/logistics/calendar/abc.ics')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/api/logistics/delegations/d-1/calendar-feeds', body: { kind: 'family', subjectId: 'f-1' } });
  });

  it('in Spanish, with the nav link', async () => {
    const { fetchImpl } = fakeApi(routes());
    renderApp({ path: '/household', fetchImpl, session: host, language: 'es' });
    expect(await screen.findByRole('heading', { name: 'Mi hogar' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mi hogar' })).toHaveAttribute('href', '/household');
  });
});

/** A confirmed placement (my-placements) whose guest only has an arrival flight to SEA: no pickup, no departure. */
function arrivalOnly(status: 'requested' | 'booked') {
  const sea = { kind: 'airport', code: 'SEA', name: 'Seattle–Tacoma', city: 'Seattle', timeZone: 'America/Los_Angeles' };
  return {
    offerId: 'offer-9', status: 'confirmed',
    delegation: { id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Tacoma', hostTimeZone: 'America/Los_Angeles', startDate: '2027-04-10', endDate: '2027-04-20', status: 'confirmed' },
    family: { id: 'f-1', name: 'Chen' }, guest: { memberId: 'm-1', participantId: null, givenName: 'Emily', familyName: 'Carter' }, stay: { from: '2027-04-10', to: '2027-04-20' },
    arrival: {
      segmentId: 's-1', mode: 'flight', carrier: 'CA', number: '983', label: 'CA 983', status, from: sea, to: sea, departureAt: '2027-04-10T05:00:00Z', departureLocal: '2027-04-09T22:00',
      departureTimeZone: 'America/Los_Angeles', arrivalAt: '2027-04-10T18:30:00Z', arrivalLocal: '2027-04-10T11:30', arrivalTimeZone: 'America/Los_Angeles',
    },
    departure: null, pickup: null,
  };
}
