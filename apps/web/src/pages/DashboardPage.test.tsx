import { screen, within } from '@testing-library/react';
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
});
