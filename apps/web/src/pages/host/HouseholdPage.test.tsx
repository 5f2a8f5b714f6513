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
  status: 'confirmed', confirmedAt: '2027-07-01T10:00:00Z', guest: { givenName: 'Emily', familyName: 'Carter', diet: ['vegetarian'], allergies: ['peanuts'] },
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
    expect(within(card).getByText('peanuts')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/host-matching/families/f-1/vetting')).toBe(false);
    expect(calls.filter((c) => c.path === '/api/host-matching/offers').map((c) => new URLSearchParams(c.search).get('status')).sort()).toEqual(['accepted', 'confirmed']);
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
