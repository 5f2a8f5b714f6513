import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, fakeApi, renderApp, type Call } from '../../test/render';

const delegation = {
  id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'planning',
  direction: 'outbound', hostTimeZone: 'Asia/Shanghai', minorsPerAdult: 5, version: 3, allowedTransitions: ['confirmed', 'cancelled'],
};

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/delegations/participants': { body: { items: [], total: 0 } },
    'GET /api/delegations/partnerships': { body: { items: [], total: 0 } },
    'GET /api/delegations/:id': { body: delegation },
    'GET /api/delegations/:id/members': { body: { items: [], total: 0, warnings: [] } },
    'GET /api/delegations/:id/itinerary': { body: { delegationId: 'd-1', items: [], warnings: [] } },
    'GET /api/host-matching/delegations/:id/matching-settings': { body: { venueName: null, venue: null } },
    'GET /api/host-matching/delegations/:id/matching-runs': { body: { items: [] } },
    'GET /api/host-matching/offers': { body: { items: [], total: 0 } },
    ...extra,
  } as never;
}

describe('delegation page sections', { timeout: 20_000 }, () => {
  it('adds an itinerary activity: entered and shown on the host city’s clock, the zone named', async () => {
    const activities: unknown[] = [];
    const { fetchImpl, calls } = fakeApi(
      routes({
        'GET /api/delegations/:id/itinerary': () => ({ body: { delegationId: 'd-1', items: activities, warnings: [] } }),
        'POST /api/delegations/:id/itinerary': (c: Call) => {
          const a = {
            id: 'ac-1', delegationId: 'd-1', ...(c.body as object), timeZone: 'Asia/Shanghai',
            startsLocal: '2027-08-02T09:30:00', endsLocal: '2027-08-02T11:00:00', startsOffset: '+08:00', endsOffset: '+08:00',
            startsAt: '2027-08-02T01:30:00.000Z', endsAt: '2027-08-02T03:00:00.000Z', allMembers: true, attendeeMemberIds: [], ambiguous: false,
          };
          activities.push(a);
          return { status: 201, body: { ...a, warnings: [] } };
        },
      }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    expect(await screen.findByRole('heading', { name: 'Itinerary' })).toBeInTheDocument();
    expect(screen.getByTestId('itinerary-zone')).toHaveTextContent('Times are in the host city’s time zone: Asia/Shanghai (China Standard Time)');
    const form = screen.getByRole('form', { name: 'Add an activity' });
    await userEvent.type(within(form).getByLabelText(/^Activity/), 'Welcome at City Hall');
    await userEvent.type(within(form).getByLabelText('Place'), 'Fuzhou City Hall');
    const starts = within(form).getByLabelText(/^Starts/);
    expect(starts).toHaveAccessibleDescription('Local time in Asia/Shanghai (China Standard Time)');
    await userEvent.type(starts, '2027-08-02T09:30');
    await userEvent.type(within(form).getByLabelText(/^Ends/), '2027-08-02T11:00');
    await userEvent.click(within(form).getByRole('button', { name: 'Add activity' }));
    const table = await screen.findByTestId('itinerary');
    const row = within(table).getByText('Welcome at City Hall').closest('tr')!;
    // 01:30 UTC is 09:30 in Fuzhou, whatever the reader's own zone
    expect(within(row).getByText('Aug 2, 2027, 9:30 AM GMT+8')).toBeInTheDocument();
    expect(within(row).getByText('Aug 2, 2027, 11:00 AM GMT+8')).toBeInTheDocument();
    expect(screen.getByText('Activity added')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ title: 'Welcome at City Hall', venue: 'Fuzhou City Hall', startsLocal: '2027-08-02T09:30', endsLocal: '2027-08-02T11:00' });
    expect(within(form).getByLabelText(/^Activity/)).toHaveValue('');
  });

  it('an itinerary time the API refuses shows at its field, the form kept', async () => {
    const { fetchImpl } = fakeApi(
      routes({
        'POST /api/delegations/:id/itinerary': {
          status: 400,
          body: { statusCode: 400, code: 'ITINERARY.LOCAL_TIME_GAP', message: ['startsLocal 2027-03-14T02:30 does not exist'], fields: [{ field: 'startsLocal', messages: ['startsLocal 2027-03-14T02:30 does not exist'] }] },
        },
      }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    const form = await screen.findByRole('form', { name: 'Add an activity' });
    await userEvent.type(within(form).getByLabelText(/^Activity/), 'Night market');
    const starts = within(form).getByLabelText(/^Starts/);
    await userEvent.type(starts, '2027-08-02T19:30');
    await userEvent.type(within(form).getByLabelText(/^Ends/), '2027-08-02T21:00');
    await userEvent.click(within(form).getByRole('button', { name: 'Add activity' }));
    await waitFor(() => expect(starts).toHaveAccessibleDescription(expect.stringContaining('startsLocal 2027-03-14T02:30 does not exist')));
    expect(within(form).getByLabelText(/^Activity/)).toHaveValue('Night market');
  });

  it('registers a new participant with their needs and adds them; a retry after a failed add does not register twice', async () => {
    let adds = 0;
    const { fetchImpl, calls } = fakeApi(
      routes({
        'POST /api/delegations/participants': { status: 201, body: { id: 'pa-7', givenName: 'Lily', familyName: 'Park' } },
        'POST /api/delegations/:id/members': () =>
          ++adds === 1
            ? { status: 409, body: { statusCode: 409, code: 'DELEGATION.MEMBERS_LOCKED', message: ['the delegation is closed'], fields: [] } }
            : { status: 201, body: { id: 'm-7', participantId: 'pa-7' } },
      }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    await userEvent.click(await screen.findByRole('button', { name: 'Register a new participant' }));
    const form = screen.getByRole('form', { name: 'Register a new participant' });
    await userEvent.type(within(form).getByLabelText(/^Given name/), 'Lily');
    await userEvent.type(within(form).getByLabelText(/^Family name/), 'Park');
    await userEvent.type(within(form).getByLabelText(/^Date of birth/), '2011-04-03');
    await userEvent.selectOptions(within(form).getByLabelText('Gender'), 'female');
    await userEvent.type(within(form).getByLabelText(/^Nationality/), 'us');
    await userEvent.type(within(form).getByLabelText('Languages'), 'en, ko');
    // the needs are codes chosen from the vocabulary (multi-select), plus a note
    await userEvent.click(within(within(form).getByRole('group', { name: 'Dietary needs' })).getByRole('checkbox', { name: 'Vegetarian' }));
    await userEvent.click(within(within(form).getByRole('group', { name: 'Allergies' })).getByRole('checkbox', { name: 'Cats' }));
    await userEvent.type(within(form).getByLabelText(/^Note on the allergies/), 'hay fever in spring');
    await userEvent.type(within(form).getByLabelText(/^Contact name/), 'Grace Park');
    await userEvent.type(within(form).getByLabelText(/^Contact relation/), 'mother');
    await userEvent.type(within(form).getByLabelText(/^Contact phone/), '+1 253 555 0100');
    await userEvent.click(within(form).getByRole('button', { name: 'Register and add' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('the delegation is closed');
    await userEvent.click(within(form).getByRole('button', { name: 'Register and add' }));
    expect(await screen.findByText('Lily Park registered and added to the delegation')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/delegations/participants')).toHaveLength(1);
    expect(calls.find((c) => c.path === '/api/delegations/participants' && c.method === 'POST')?.body).toEqual({
      givenName: 'Lily', familyName: 'Park', dateOfBirth: '2011-04-03', gender: 'female', nationality: 'US', languages: ['en', 'ko'],
      dietaryNeeds: { codes: ['vegetarian'] }, allergies: { codes: ['cat'], note: 'hay fever in spring' }, emergencyContacts: [{ name: 'Grace Park', relation: 'mother', phone: '+1 253 555 0100' }],
    });
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/api/delegations/d-1/members').at(-1)?.body).toEqual({ participantId: 'pa-7', role: 'student', lodgingNeed: 'homestay', isLeader: false });
  });

  it('edits the details (only what changed, with the version), moves the status on, changes and removes a member', async () => {
    const member = { id: 'm-1', participantId: 'pa-1', givenName: 'Emily', familyName: 'Carter', role: 'student', lodgingNeed: 'homestay', isLeader: false, ageOnStartDate: 16, minor: true, hasValidConsent: true };
    const { fetchImpl, calls } = fakeApi(
      routes({
        'GET /api/delegations/:id/members': { body: { items: [member], total: 1, warnings: [] } },
        'PATCH /api/delegations/:id/members/:memberId': (c: Call) => ({ body: { ...member, ...(c.body as object) } }),
        'DELETE /api/delegations/:id/members/:memberId': { status: 204, body: null },
        'PATCH /api/delegations/:id': (c: Call) => ({ body: { ...delegation, ...(c.body as object), version: 4 } }),
        'POST /api/delegations/:id/transitions': { body: { ...delegation, status: 'confirmed', version: 5, allowedTransitions: ['in-progress', 'cancelled'] } },
      }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
    const details = screen.getByRole('form', { name: 'Edit details' });
    const title = within(details).getByLabelText(/^Title/);
    await userEvent.clear(title);
    await userEvent.type(title, 'Tacoma youth envoys');
    await userEvent.click(within(details).getByRole('button', { name: 'Save details' }));
    expect(await screen.findByRole('heading', { name: 'Tacoma youth envoys' })).toBeInTheDocument();
    expect(screen.getByText('Details saved')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ title: 'Tacoma youth envoys', version: 3 });

    await userEvent.click(screen.getByRole('button', { name: 'Confirm the delegation' }));
    expect(await screen.findByText('Status is now: Confirmed')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/delegations/d-1/transitions')?.body).toEqual({ to: 'confirmed', version: 4 });
    expect(screen.getByRole('button', { name: 'Start the visit' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Edit Emily Carter' }));
    const change = await screen.findByRole('form', { name: 'Change Emily Carter' });
    await userEvent.selectOptions(within(change).getByLabelText('Lodging'), 'hotel');
    await userEvent.click(within(change).getByRole('button', { name: 'Save member' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH' && c.path === '/api/delegations/d-1/members/m-1')?.body).toEqual({ lodgingNeed: 'hotel' }));

    await userEvent.click(screen.getByRole('button', { name: 'Remove Emily Carter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, remove Emily Carter' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/delegations/d-1/members/m-1')).toBe(true));
  });
});
