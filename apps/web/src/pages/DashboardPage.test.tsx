import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, fakeApi, renderApp } from '../test/render';

describe('dashboard', () => {
  it('lists delegations with status and their open problems; the language switch changes the words', async () => {
    const { fetchImpl, calls } = fakeApi({
      'GET /api/delegations': { body: { items: [{ id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'planning' }], total: 1 } },
      'GET /api/host-matching/delegations/:id/guests': { body: { items: [{ memberId: 'a', offer: { status: 'accepted' } }, { memberId: 'b', offer: null }, { memberId: 'c', offer: { status: 'declined' } }] } },
      'GET /api/logistics/delegations/:id/conflicts': { body: { items: [{ id: 'x', kind: 'NO_LODGING_FOR_NIGHT' }] } },
    });
    renderApp({ path: '/', fetchImpl, session: coordinator });
    const link = await screen.findByRole('link', { name: 'Tacoma youth ambassadors' });
    expect(link).toHaveAttribute('href', '/delegations/d-1');
    const row = link.closest('tr')!;
    expect(within(row).getByText('Planning')).toBeInTheDocument();
    expect(await within(row).findByText('3')).toBeInTheDocument();
    expect(within(row).getByText('2')).toBeInTheDocument();
    expect(within(row).getByText('1')).toBeInTheDocument();
    expect(calls.every((c) => c.authorization === 'Bearer token-coordinator')).toBe(true);

    await userEvent.selectOptions(screen.getByLabelText('Language'), 'es');
    expect(await screen.findByRole('heading', { name: 'Delegaciones' })).toBeInTheDocument();
    expect(within(row).getByText('En planificación')).toBeInTheDocument();
  });

  it('counts per delegation the offers expiring within 24 h and the failed notifications, as numbers under their headers', async () => {
    const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const { fetchImpl, calls } = fakeApi({
      'GET /api/delegations': { body: { items: [{ id: 'd-1', title: 'Tacoma youth ambassadors', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'planning' }], total: 1 } },
      'GET /api/host-matching/delegations/:id/guests': { body: { items: [] } },
      'GET /api/logistics/delegations/:id/conflicts': { body: { items: [] } },
      // the service filters (status=offered&deadlineBefore=now+24h) and counts; the page shows its total
      'GET /api/host-matching/offers': { body: { items: [{ id: 'o-1', status: 'offered', deadlineAt: inHours(2) }], total: 3 } },
      'GET /api/notifications/deliveries': { body: { items: [{ id: 'n-1', status: 'failed' }], total: 5 } },
    });
    renderApp({ path: '/', fetchImpl, session: coordinator });
    const link = await screen.findByRole('link', { name: 'Tacoma youth ambassadors' });
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    const cell = (header: string) => link.closest('tr')!.querySelectorAll('td')[headers.indexOf(header)];
    await waitFor(() => expect(cell('Offers expiring within 24 h')).toHaveTextContent(/^3$/));
    await waitFor(() => expect(cell('Failed notifications')).toHaveTextContent(/^5$/));
    expect(cell('Open conflicts')).toHaveTextContent(/^0$/);
    const offers = calls.find((c) => c.path === '/api/host-matching/offers')!;
    const asked = Object.fromEntries(new URLSearchParams(offers.search));
    expect(asked).toMatchObject({ delegationId: 'd-1', status: 'offered', limit: '1' });
    expect(Math.abs(new Date(asked.deadlineBefore).getTime() - Date.now() - 24 * 3_600_000)).toBeLessThan(60_000);
    const deliveries = calls.find((c) => c.path === '/api/notifications/deliveries')!;
    expect(Object.fromEntries(new URLSearchParams(deliveries.search))).toMatchObject({ delegationId: 'd-1', status: 'failed' });
  });
});
