import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, fakeApi, renderApp } from '../../test/render';

const delegation = { id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'planning' };
const arrivals = {
  kind: 'arrivals', total: 2,
  days: [{ date: '2027-08-01', count: 2, airports: [{ code: 'FOC', name: 'Fuzhou Changle', timeZone: 'Asia/Shanghai', count: 2, entries: [
    { time: '23:55', segmentId: 's-1', mode: 'flight', carrier: 'MF', number: '830', status: 'booked', from: 'SEA', to: 'FOC', travellers: [{ memberId: 'm-1', name: 'Emily Carter' }, { memberId: 'm-2', name: 'Jake Lee' }] },
  ] }] }],
};
const plan = {
  hasPlan: true, totalWaitMinutes: 95,
  runs: [{ id: 'r-1', airport: 'FOC', status: 'planned', meetingLocal: '2027-08-02T00:40:00', timeZone: 'Asia/Shanghai', seats: 7, driverName: 'Wang Wei', members: [{ memberId: 'm-1', name: 'Emily Carter', dropOff: { kind: 'homestay', label: 'Chen' } }], safeguarding: { ok: false, rule: 'two-adults', message: 'a minor rides with a single driver' } }],
  waiting: [{ memberId: 'm-1', name: 'Emily Carter', airport: 'FOC', runId: 'r-1', landsLocal: '2027-08-01T23:55:00', meetingLocal: '2027-08-02T00:40:00', timeZone: 'Asia/Shanghai', waitMinutes: 45 }],
  issues: [{ kind: 'MINOR_WITHOUT_ADULT_IN_RUN', runId: 'r-1', message: 'Emily Carter (minor) has no second adult in run FOC 00:40' }],
};
const nights = {
  nights: [
    { date: '2027-08-01', gaps: 0, members: [{ memberId: 'm-1', name: 'Emily Carter', status: 'ok', places: [{ kind: 'homestay', place: 'Chen' }] }] },
    { date: '2027-08-02', gaps: 1, members: [{ memberId: 'm-2', name: 'Jake Lee', status: 'gap', places: [] }] },
  ],
  gaps: [{ date: '2027-08-02', memberId: 'm-2', name: 'Jake Lee' }], doubles: [],
};

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/delegations/:id': { body: delegation },
    'GET /api/delegations/:id/members': { body: { items: [{ id: 'm-2', participantId: 'pa-2', givenName: 'Jake', familyName: 'Lee', role: 'student', lodgingNeed: 'homestay' }], total: 1, warnings: [] } },
    'GET /api/host-matching/families': { body: { items: [{ id: 'f-1', name: 'Chen' }], total: 1 } },
    'GET /api/logistics/delegations/:id/manifests/arrivals': { body: arrivals },
    'GET /api/logistics/delegations/:id/manifests/departures': { body: { kind: 'departures', total: 0, days: [] } },
    'GET /api/logistics/delegations/:id/pickups/runs': { body: plan },
    'GET /api/logistics/delegations/:id/lodging/nights': { body: nights },
    'GET /api/logistics/delegations/:id/conflicts': { body: { status: 'open', items: [{ id: 'c-1', kind: 'NO_LODGING_FOR_NIGHT', message: 'Jake Lee has no bed on 2027-08-02', status: 'open' }] } },
    'GET /api/logistics/delegations/:id/calendar-feeds': { body: { items: [{ id: 'cf-1', kind: 'delegation', createdAt: '2027-07-01T10:00:00Z', lastFetchedAt: null, active: true }] } },
    'GET /api/notifications/deliveries': { body: { items: [{ id: 'n-1', channel: 'email', type: 'offer.made', subject: 'A guest for your family', status: 'failed', attempts: 5, lastError: '550 mailbox unavailable', createdAt: '2027-07-01T10:00:00Z' }], total: 1 } },
    ...extra,
  } as never;
}

describe('delegation travel', () => {
  it('shows manifests, pickups with the waiting report, lodging gaps, conflicts, feeds and the delivery log', async () => {
    const { fetchImpl, calls } = fakeApi(routes());
    renderApp({ path: '/delegations/d-1/travel', fetchImpl, session: coordinator });
    expect(await screen.findByRole('heading', { name: 'Travel: Tacoma youth ambassadors' })).toBeInTheDocument();
    const arrivalsManifest = await screen.findByTestId('manifest-arrivals');
    expect(await within(arrivalsManifest).findByText('Emily Carter, Jake Lee')).toBeInTheDocument();
    expect(within(arrivalsManifest).getByText('flight MF 830')).toBeInTheDocument();
    expect(within(arrivalsManifest).getByRole('button', { name: 'Arrivals · CSV' })).toBeInTheDocument();
    expect(within(arrivalsManifest).getByRole('button', { name: 'Arrivals · Printable' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pickup sheet (printable)' })).toBeInTheDocument();
    const runs = await screen.findByTestId('pickup-runs');
    expect(within(runs).getByText('Emily Carter → Chen')).toBeInTheDocument();
    expect(within(runs).getByText('a minor rides with a single driver')).toBeInTheDocument();
    expect(within(screen.getByTestId('waiting-report')).getByText('45 min')).toBeInTheDocument();
    expect(screen.getByText('Total waiting: 95 min')).toBeInTheDocument();
    const lodging = await screen.findByTestId('lodging-nights');
    const gapRow = within(lodging).getAllByRole('row').find((r) => r.getAttribute('data-gaps') === '1')!;
    expect(within(gapRow).getByText('Jake Lee: No bed')).toBeInTheDocument();
    expect(within(gapRow).getByText('1 without a bed')).toBeInTheDocument();
    expect(screen.getByTestId('conflict')).toHaveTextContent('Jake Lee has no bed on 2027-08-02');
    expect(within(await screen.findByTestId('deliveries')).getByText('550 mailbox unavailable')).toBeInTheDocument();
    expect(within(screen.getByTestId('calendar-feeds')).getByText('never')).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/notifications/deliveries')?.search).toContain('delegationId=d-1');
  });

  it('departures in their tab', async () => {
    const { fetchImpl } = fakeApi(routes());
    renderApp({ path: '/delegations/d-1/travel', fetchImpl, session: coordinator });
    await userEvent.click(await screen.findByRole('tab', { name: 'Departures' }));
    expect(await within(await screen.findByTestId('manifest-departures')).findByText('No travel recorded.')).toBeInTheDocument();
  });

  it('manual assignment: the broken rules are shown, acknowledged with a note, then assigned', async () => {
    const { fetchImpl, calls } = fakeApi(
      routes({
        'POST /api/host-matching/delegations/:id/assignments': (c: { body: { acknowledgeBrokenRules?: boolean; note?: string } }) =>
          c.body.acknowledgeBrokenRules
            ? c.body.note
              ? { status: 201, body: { offerId: 'o-5', brokenRules: [{ rule: 'PETS_VS_ALLERGY', message: 'the family has a cat; Jake is allergic' }], overridden: true } }
              : { status: 400, body: { statusCode: 400, code: 'ASSIGNMENT.NOTE_REQUIRED', message: ['a note is required'], fields: [{ field: 'note', messages: ['say why you override'] }] } }
            : { status: 409, body: { statusCode: 409, code: 'ASSIGNMENT.BREAKS_RULES', message: 'this assignment breaks 1 rule(s)', details: { brokenRules: [{ rule: 'PETS_VS_ALLERGY', message: 'the family has a cat; Jake is allergic' }] } } },
      }),
    );
    renderApp({ path: '/delegations/d-1/travel', fetchImpl, session: coordinator });
    const form = await screen.findByRole('form', { name: 'Assign by hand' });
    const guest = within(form).getByLabelText('Guest');
    await waitFor(() => expect(within(guest).getByRole('option', { name: 'Jake Lee' })).toBeInTheDocument());
    await userEvent.selectOptions(guest, 'm-2');
    const fam = within(form).getByLabelText('Family');
    await waitFor(() => expect(within(fam).getByRole('option', { name: 'Chen' })).toBeInTheDocument());
    await userEvent.selectOptions(fam, 'f-1');
    await userEvent.click(within(form).getByRole('button', { name: 'Assign' }));
    const rules = await within(form).findByTestId('broken-rules');
    expect(rules).toHaveTextContent('PETS_VS_ALLERGY');
    expect(rules).toHaveTextContent('the family has a cat; Jake is allergic');
    const anyway = within(form).getByRole('button', { name: 'Assign anyway' });
    expect(anyway).toBeDisabled();
    await userEvent.click(within(form).getByLabelText('I know, assign anyway'));
    await userEvent.click(anyway);
    const note = within(form).getByLabelText('Why (recorded with the offer)');
    await waitFor(() => expect(note).toHaveAccessibleDescription('say why you override'));
    expect(within(form).getByTestId('broken-rules')).toBeInTheDocument();
    await userEvent.type(note, 'the cat stays with the grandparents that week');
    await userEvent.click(anyway);
    expect(await within(form).findByText('Assigned with an override.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { memberId: 'm-2', familyId: 'f-1' },
      { memberId: 'm-2', familyId: 'f-1', acknowledgeBrokenRules: true, note: '' },
      { memberId: 'm-2', familyId: 'f-1', acknowledgeBrokenRules: true, note: 'the cat stays with the grandparents that week' },
    ]);
  });

  it('creates and revokes a calendar feed; an unknown participant shows at its field', async () => {
    const { fetchImpl, calls } = fakeApi(
      routes({
        'POST /api/logistics/delegations/:id/calendar-feeds': (c: { body: { kind: string } }) =>
          c.body.kind === 'participant'
            ? { status: 400, body: { statusCode: 400, code: 'CALENDAR.UNKNOWN_PARTICIPANT', message: ['unknown'], fields: [{ field: 'subjectId', messages: ['no such member in this delegation'] }] } }
            : { status: 201, body: { id: 'cf-2', kind: 'delegation', url: 'http://127.0.0.1:3000/api/logistics/calendar/xyz.ics' } },
        'DELETE /api/logistics/delegations/:id/calendar-feeds/:feedId': { body: { id: 'cf-1', active: false } },
      }),
    );
    renderApp({ path: '/delegations/d-1/travel', fetchImpl, session: coordinator });
    const form = await screen.findByRole('form', { name: 'Create feed' });
    await userEvent.selectOptions(within(form).getByLabelText('Kind'), 'participant');
    await userEvent.type(within(form).getByLabelText('Member or family'), 'nobody');
    await userEvent.click(within(form).getByRole('button', { name: 'Create feed' }));
    await waitFor(() => expect(within(form).getByLabelText('Member or family')).toHaveAccessibleDescription('no such member in this delegation'));
    expect(within(form).getByLabelText('Member or family')).toHaveValue('nobody');
    await userEvent.selectOptions(within(form).getByLabelText('Kind'), 'delegation');
    await userEvent.click(within(form).getByRole('button', { name: 'Create feed' }));
    expect(await within(form).findByText('http://127.0.0.1:3000/api/logistics/calendar/xyz.ics')).toBeInTheDocument();
    await userEvent.click(within(await screen.findByTestId('calendar-feeds')).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/logistics/delegations/d-1/calendar-feeds/cf-1')).toBe(true));
  });

  it('the delegation page links to it', async () => {
    const { fetchImpl } = fakeApi(
      routes({
        'GET /api/delegations/participants': { body: { items: [], total: 0 } },
        'GET /api/host-matching/delegations/:id/matching-settings': { body: { venueName: null, venue: null, maxDistanceKm: 25 } },
        'GET /api/host-matching/delegations/:id/matching-runs': { body: { items: [] } },
        'GET /api/host-matching/offers': { body: { items: [], total: 0 } },
      }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    expect(await screen.findByRole('link', { name: 'Travel and logistics' })).toHaveAttribute('href', '/delegations/d-1/travel');
  });
});
