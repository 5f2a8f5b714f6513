import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../session';
import { fakeApi, renderApp } from '../../test/render';

const manager: Session = { accessToken: 'token-ym', organisationId: 'org-1', roles: ['youth-manager'], email: 'ym@tacoma.example' };
const delegations = { 'GET /api/delegations': { body: { items: [{ id: 'd-1', title: 'Tacoma youth ambassadors', status: 'in-progress' }], total: 1 } } };
const members = {
  'GET /api/delegations/:id/members': {
    body: {
      items: [
        { id: 'm-1', participantId: 'pa-1', givenName: 'Emily', familyName: 'Carter', role: 'student', minor: true },
        { id: 'm-2', participantId: 'pa-2', givenName: 'Jake', familyName: 'Lee', role: 'student', minor: true },
      ],
      total: 2,
    },
  },
};
const invalid = (field: string, message: string) => ({ status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: [message], fields: [{ field, messages: [message] }] } });

afterEach(() => vi.useRealTimers());

describe('youth manager: participants', () => {
  it('filters the list (each filter is a query parameter) and shows a filter’s error at its field', async () => {
    const { fetchImpl, calls } = fakeApi({
      ...delegations,
      'GET /api/delegations/participants': (c) =>
        c.search.includes('nationality=X') ? invalid('nationality', 'nationality must be an ISO 3166-1 alpha-2 code') : { body: { items: [{ id: 'pa-1', givenName: 'Emily', familyName: 'Carter', dateOfBirth: '2011-03-04', gender: 'female', nationality: 'US' }], total: 1 } },
    });
    renderApp({ path: '/youth/participants', fetchImpl, session: manager });
    const link = await screen.findByRole('link', { name: 'Emily Carter' });
    expect(link).toHaveAttribute('href', '/youth/participants/pa-1');
    expect(within(link.closest('tr')!).getByText('Female')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByLabelText('Delegation')).getByRole('option', { name: 'Tacoma youth ambassadors' })).toBeInTheDocument());
    await userEvent.selectOptions(screen.getByLabelText('Delegation'), 'd-1');
    await userEvent.selectOptions(screen.getByLabelText('Minors'), 'true');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/delegations/participants' && c.search.includes('delegationId=d-1') && c.search.includes('minor=true'))).toBe(true));
    const nationality = screen.getByLabelText('Nationality (ISO code)');
    await userEvent.type(nationality, 'x');
    await waitFor(() => expect(nationality).toHaveAccessibleDescription('nationality must be an ISO 3166-1 alpha-2 code'));
    expect(nationality).toHaveValue('x');
  });

  it('an allergy that needs coding: flagged in the list, listed by its filter, and coded on the record', async () => {
    const flagged = { id: 'pa-3', givenName: 'Rachel', familyName: 'Moore', dateOfBirth: '1984-03-12', gender: 'female', nationality: 'US',
      allergies: { codes: ['cat'], note: 'mould: sneezing in damp rooms', needsCoding: true }, dietaryNeeds: { codes: ['vegetarian'], note: '' } };
    let record = flagged;
    const { fetchImpl, calls } = fakeApi({
      ...delegations,
      'GET /api/delegations/participants': { body: { items: [flagged], total: 1 } },
      'GET /api/delegations/participants/:id': () => ({ body: record }),
      'PATCH /api/delegations/participants/:id': (c) => {
        record = { ...flagged, allergies: { ...(c.body as { allergies: typeof flagged.allergies }).allergies } };
        return { body: record };
      },
    });
    const list = renderApp({ path: '/youth/participants', fetchImpl, session: manager });
    const link = await screen.findByRole('link', { name: 'Rachel Moore' });
    expect(within(link.closest('tr')!).getByText('needs coding')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Allergies'), 'true');
    await waitFor(() => expect(calls.some((c) => c.path === '/api/delegations/participants' && c.search.includes('needsCoding=true'))).toBe(true));
    list.unmount();

    renderApp({ path: '/youth/participants/pa-3', fetchImpl, session: manager });
    expect(await screen.findByRole('heading', { name: 'Rachel Moore' })).toBeInTheDocument();
    expect(screen.getByText(/Vegetarian/)).toBeInTheDocument();
    expect(screen.getByTestId('allergy-codes')).toHaveTextContent('Cats');
    expect(screen.getByTestId('allergy-note')).toHaveTextContent('mould: sneezing in damp rooms');
    const codes = screen.getByRole('group', { name: 'Allergen codes' });
    expect(within(codes).getByRole('checkbox', { name: 'Cats' })).toBeChecked();
    await userEvent.click(within(codes).getByRole('checkbox', { name: 'Dust mites' }));
    await userEvent.click(screen.getByRole('button', { name: 'The codes cover the note' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ allergies: { codes: ['cat', 'dust-mite'], note: 'mould: sneezing in damp rooms', needsCoding: false } }));
    await waitFor(() => expect(screen.queryByText('needs coding')).not.toBeInTheDocument());
  });

  it('a record shows consent, emergency contacts and medical notes when the API returns them, and no medical section when it leaves them out', async () => {
    const full = {
      id: 'pa-1', givenName: 'Emily', familyName: 'Carter', dateOfBirth: '2011-03-04', gender: 'female', nationality: 'US', languages: ['en', 'es'],
      medicalNotes: 'Asthma: inhaler in backpack',
      emergencyContacts: [{ name: 'Laura Carter', relation: 'mother', phone: '+1 253 555 0101' }],
      guardians: [{ name: 'Laura Carter', relation: 'mother', phone: '+1 253 555 0101', consentGivenAt: '2027-05-01T10:00:00Z', consentExpiresOn: '2027-12-31', consentScope: 'travel' }],
    };
    const { fetchImpl } = fakeApi({ 'GET /api/delegations/participants/:id': (c) => ({ body: c.path.endsWith('pa-1') ? full : { id: 'pa-2', givenName: 'Jake', familyName: 'Lee' } }) });
    const first = renderApp({ path: '/youth/participants/pa-1', fetchImpl, session: manager });
    expect(await screen.findByRole('heading', { name: 'Emily Carter' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Medical notes' })).toBeInTheDocument();
    expect(screen.getByText('Asthma: inhaler in backpack')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Emergency contacts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '+1 253 555 0101' })).toHaveAttribute('href', 'tel:+1 253 555 0101');
    expect(screen.getByText(/Consent given .*expires .*Scope: travel/)).toBeInTheDocument();
    first.unmount();

    renderApp({ path: '/youth/participants/pa-2', fetchImpl, session: manager });
    expect(await screen.findByRole('heading', { name: 'Jake Lee' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Medical notes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Emergency contacts' })).not.toBeInTheDocument();
  });
});

describe('youth manager: check-ins', () => {
  it('lists who is overdue (no check-in within the threshold) and records a check-in; a field error shows at its field and the notes stay', async () => {
    const recent = new Date(Date.now() - 2 * 3600_000).toISOString();
    let fail = true;
    const { fetchImpl, calls } = fakeApi({
      ...delegations,
      ...members,
      'GET /api/delegations/:id/check-ins': { body: { items: [{ id: 'c-1', participantId: 'pa-1', checkedAt: recent, method: 'phone', welfareRating: 2, alertRaised: true }], total: 1 } },
      'GET /api/delegations/reports/participants': { body: { totalParticipants: 2, overdueCheckIns: { count: 1, thresholdHours: 24 }, groups: {} } },
      'POST /api/delegations/:id/check-ins': () => (fail ? ((fail = false), invalid('welfareRating', 'welfareRating must not be greater than 5')) : { status: 201, body: { id: 'c-2' } }),
    });
    renderApp({ path: '/youth/check-ins?delegation=d-1', fetchImpl, session: manager });
    const overdue = await screen.findByTestId('overdue');
    expect(within(overdue).getByText(/Jake Lee — Last check-in: never/)).toBeInTheDocument();
    expect(within(overdue).queryByText(/Emily/)).not.toBeInTheDocument();
    expect(screen.getByText('welfare alert')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Member'), 'pa-2');
    const rating = screen.getByLabelText('Welfare (1–5)');
    await userEvent.clear(rating);
    await userEvent.type(rating, '4');
    await userEvent.type(screen.getByLabelText('Notes'), 'Settling in well');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    await waitFor(() => expect(rating).toHaveAccessibleDescription('welfareRating must not be greater than 5'));
    expect(screen.getByLabelText('Notes')).toHaveValue('Settling in well');
    await userEvent.click(screen.getByRole('button', { name: 'Record check-in' }));
    expect(await screen.findByText('Check-in recorded')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ participantId: 'pa-2', method: 'in-person', welfareRating: 4, notes: 'Settling in well' });
  });
});

describe('youth manager: incidents', () => {
  it('shows the escalation clock as time left, marks one reported (error at the field first) and shows why a close was refused', async () => {
    const due = new Date(Date.now() + (5 * 60 + 30) * 60_000 + 20_000).toISOString();
    let reportFails = true;
    const { fetchImpl, calls } = fakeApi({
      ...delegations,
      'GET /api/delegations/incidents': {
        body: {
          items: [
            { id: 'i-1', delegationId: 'd-1', type: 'abuse-allegation', severity: 'high', description: 'Reported by the student', status: 'open', openedAt: new Date().toISOString(), reportDueAt: due, overdue: false },
            { id: 'i-2', delegationId: 'd-1', type: 'injury', severity: 'low', status: 'open', reportDueAt: null },
          ],
          total: 2,
        },
      },
      'POST /api/delegations/incidents/:id/report': () => (reportFails ? ((reportFails = false), invalid('reportedTo', 'reportedTo should not be empty')) : { body: { id: 'i-1', status: 'reported' } }),
      'POST /api/delegations/incidents/:id/close': { status: 409, body: { statusCode: 409, code: 'INCIDENT.REPORT_REQUIRED', message: ['report the incident before closing it'], fields: [] } },
    });
    renderApp({ path: '/youth/incidents', fetchImpl, session: manager });
    const row = await screen.findByTestId('incident-i-1');
    expect(within(row).getByTestId('clock')).toHaveTextContent('5 h 30 min left');
    expect(within(row).getByText('Tacoma youth ambassadors')).toBeInTheDocument();
    expect(within(screen.getByTestId('incident-i-2')).getByText('no deadline')).toBeInTheDocument();

    await userEvent.click(within(row).getByRole('button', { name: 'Close' }));
    expect(await within(row).findByText('report the incident before closing it')).toBeInTheDocument();

    const to = within(row).getByLabelText('Reported to');
    await userEvent.click(within(row).getByRole('button', { name: 'Mark reported' }));
    await waitFor(() => expect(to).toHaveAccessibleDescription('reportedTo should not be empty'));
    await userEvent.type(to, 'Pierce County CPS');
    await userEvent.click(within(row).getByRole('button', { name: 'Mark reported' }));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/delegations/incidents/i-1/report')).toHaveLength(2));
    expect(calls.filter((c) => c.path === '/api/delegations/incidents/i-1/report')[1].body).toEqual({ reportedTo: 'Pierce County CPS' });
  });

  it('opens an incident with the people involved; a field error shows at its field and what was typed stays', async () => {
    let fail = true;
    const { fetchImpl, calls } = fakeApi({
      ...delegations,
      ...members,
      'GET /api/delegations/incidents': { body: { items: [], total: 0 } },
      'POST /api/delegations/incidents': () => (fail ? ((fail = false), invalid('participantIds', 'participantIds must be members of the delegation')) : { status: 201, body: { id: 'i-9' } }),
    });
    renderApp({ path: '/youth/incidents', fetchImpl, session: manager });
    const delegation = await screen.findByLabelText('Delegation');
    await waitFor(() => expect(within(delegation).getByRole('option', { name: 'Tacoma youth ambassadors' })).toBeInTheDocument());
    await userEvent.selectOptions(delegation, 'd-1');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'illness');
    await userEvent.type(screen.getByLabelText('Description'), 'Fever since the morning');
    await userEvent.click(await screen.findByLabelText('Jake Lee'));
    await userEvent.click(screen.getByRole('button', { name: 'Open incident' }));
    expect(await screen.findByText('participantIds must be members of the delegation')).toBeInTheDocument();
    expect(screen.getByLabelText('Description')).toHaveValue('Fever since the morning');
    expect(screen.getByLabelText('Jake Lee')).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Open incident' }));
    expect(await screen.findByText('Incident opened')).toBeInTheDocument();
    const body = calls.filter((c) => c.method === 'POST').at(-1)?.body as Record<string, unknown>;
    expect(body).toMatchObject({ delegationId: 'd-1', type: 'illness', severity: 'medium', description: 'Fever since the morning', participantIds: ['pa-2'] });
    expect(new Date(body.occurredAt as string).toString()).not.toBe('Invalid Date');
  });
});

describe('youth manager: reports', () => {
  it('draws each dimension as labelled bars and exports CSV', async () => {
    const { fetchImpl, calls } = fakeApi({
      'GET /api/delegations/reports/participants': (c) =>
        c.search.includes('format=csv')
          ? { body: 'dimension,key,label,count' }
          : {
              body: {
                totalParticipants: 12, overdueCheckIns: { count: 3, thresholdHours: 24 },
                groups: {
                  programmeArea: [{ key: 'youth-exchange', label: 'youth-exchange', count: 8 }],
                  gender: [{ key: 'female', label: 'female', count: 7 }, { key: 'male', label: 'male', count: 5 }],
                  ageBand: [{ key: '15-17', label: '15-17', count: 9 }],
                  nationality: [{ key: 'US', label: 'US', count: 12 }],
                },
              },
            },
    });
    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    renderApp({ path: '/youth/reports', fetchImpl, session: manager });
    expect(await screen.findByText('12 participants')).toBeInTheDocument();
    expect(screen.getByText('3 members with no check-in for 24 h')).toBeInTheDocument();
    const gender = screen.getByRole('list', { name: 'By gender' });
    expect(within(gender).getByText('Female: 7')).toBeInTheDocument();
    expect(within(gender).getByText('Male: 5')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'By age band' })).getByText('15-17: 9')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'By country' })).getByText('US: 12')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'By programme' })).getByText('youth-exchange: 8')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(calls.some((c) => c.search.includes('format=csv') && c.authorization === 'Bearer token-ym')).toBe(true);
  });
});
