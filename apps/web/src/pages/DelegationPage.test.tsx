import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, fakeApi, renderApp } from '../test/render';

const delegation = { id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'planning' };
const run = {
  id: 'run-1', delegationId: 'd-1', trigger: 'coordinator', guests: 2, placed: 1, unplaced: 1, totalScore: 7.25, optimal: true,
  proposals: [{ id: 'p-1', memberId: 'm-1', guestName: 'Emily Carter', familyId: 'f-1', familyName: 'Chen', score: 7.25, breakdown: { languages: 3, distance: 2.25, diet: 2 }, status: 'proposed' }],
  unplacedGuests: [{ id: 'p-2', memberId: 'm-2', guestName: 'Jake Lee', familyId: null, explanation: { kind: 'no-feasible-family', decidingRule: 'PETS_VS_ALLERGY', message: 'every family left has a cat; Jake is allergic' } }],
};

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/delegations/participants': { body: { items: [{ id: 'pa-2', givenName: 'Jake', familyName: 'Lee' }], total: 1 } },
    'GET /api/delegations/:id': { body: delegation },
    'GET /api/delegations/:id/members': { body: { items: [{ id: 'm-1', participantId: 'pa-1', givenName: 'Emily', familyName: 'Carter', role: 'student', lodgingNeed: 'homestay', ageOnStartDate: 16, minor: true, hasValidConsent: true }], total: 1, warnings: [] } },
    'GET /api/host-matching/delegations/:id/matching-settings': { body: { venueName: null, venue: null, maxDistanceKm: 25 } },
    'GET /api/host-matching/delegations/:id/matching-runs': { body: { items: [] } },
    'GET /api/host-matching/offers': { body: { items: [], total: 0 } },
    'GET /api/delegations/:id/itinerary': { body: { delegationId: 'd-1', items: [], warnings: [] } },
    'GET /api/delegations/partnerships': { body: { items: [], total: 0 } },
    ...extra,
  } as never;
}

describe('delegation page', { timeout: 15_000 }, () => {
  it('runs matching: progress while it runs, then proposals with their breakdown and the unplaced with the reason', async () => {
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    const { fetchImpl } = fakeApi(routes({ 'POST /api/host-matching/delegations/:id/matching-runs': async () => (await done, { status: 201, body: run }) }));
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    expect(await screen.findByRole('heading', { name: 'Tacoma youth ambassadors' })).toBeInTheDocument();
    expect(await screen.findByText('Emily Carter')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Run matching' }));
    expect(await screen.findByText(/Matching in progress/)).toBeInTheDocument();
    await act(async () => finish());
    const result = await screen.findByTestId('matching-result');
    expect(within(result).getByText(/1 of 2 guests placed/)).toBeInTheDocument();
    expect(within(result).getByText('languages 3 · distance 2.25 · diet 2')).toBeInTheDocument();
    expect(within(result).getByText('every family left has a cat; Jake is allergic')).toBeInTheDocument();
    expect(within(result).getByText('PETS_VS_ALLERGY')).toBeInTheDocument();
    expect(screen.queryByText(/Matching in progress/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Release offers' })).toBeEnabled();
  });

  it('no venue yet: the API’s answer shows at the venue fields', async () => {
    const { fetchImpl } = fakeApi(
      routes({
        'PUT /api/host-matching/delegations/:id/matching-settings': { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['bad'], fields: [{ field: 'venue.latitude', messages: ['latitude must not be greater than 90'] }] } },
      }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    const lat = await screen.findByLabelText('Latitude');
    await userEvent.type(lat, '123');
    await userEvent.type(screen.getByLabelText('Longitude'), '119.3');
    await userEvent.click(screen.getByRole('button', { name: 'Save venue' }));
    await waitFor(() => expect(lat).toHaveAccessibleDescription('latitude must not be greater than 90'));
    expect(lat).toHaveValue('123');
  });

  it('adds a member; a field error shows at its field', async () => {
    const { fetchImpl, calls } = fakeApi(
      routes({ 'POST /api/delegations/:id/members': { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['x'], fields: [{ field: 'participantId', messages: ['participantId must be a UUID'] }] } } }),
    );
    renderApp({ path: '/delegations/d-1', fetchImpl, session: coordinator });
    const select = await screen.findByLabelText('Participant');
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Jake Lee' })).toBeInTheDocument());
    await userEvent.selectOptions(select, 'pa-2');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(select).toHaveAccessibleDescription('participantId must be a UUID'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ participantId: 'pa-2', role: 'delegate', lodgingNeed: 'homestay', isLeader: false });
  });
});
