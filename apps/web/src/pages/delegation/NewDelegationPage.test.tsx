import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, fakeApi, renderApp } from '../../test/render';

const partnerships = { body: { items: [{ id: 'pa-fz', partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', status: 'active' }], total: 1 } };
const created = {
  id: 'd-9', title: 'Tacoma youth orchestra', hostCity: 'Fuzhou', startDate: '2027-08-01', endDate: '2027-08-10', status: 'draft', direction: 'outbound',
  partnershipId: 'pa-fz', hostTimeZone: 'Asia/Shanghai', minorsPerAdult: 5, version: 1,
};

function routes(extra: Record<string, unknown> = {}) {
  return {
    'GET /api/delegations': { body: { items: [], total: 0 } },
    'GET /api/delegations/partnerships': partnerships,
    'GET /api/delegations/partnerships/:id': { body: partnerships.body.items[0] },
    'GET /api/delegations/participants': { body: { items: [], total: 0 } },
    'GET /api/delegations/:id': { body: created },
    'GET /api/delegations/:id/members': { body: { items: [], total: 0, warnings: [] } },
    'GET /api/delegations/:id/itinerary': { body: { delegationId: 'd-9', items: [], warnings: [] } },
    'GET /api/host-matching/delegations/:id/matching-settings': { body: { venueName: null, venue: null } },
    'GET /api/host-matching/delegations/:id/matching-runs': { body: { items: [] } },
    'GET /api/host-matching/offers': { body: { items: [], total: 0 } },
    ...extra,
  } as never;
}

async function fillIn() {
  await userEvent.type(await screen.findByLabelText(/^Title/), 'Tacoma youth orchestra');
  const partner = screen.getByLabelText('Partner city');
  await waitFor(() => expect(partner).toHaveTextContent('Fuzhou, CN'));
  await userEvent.selectOptions(partner, 'pa-fz');
  await userEvent.type(screen.getByLabelText(/^First day/), '2027-08-10');
  await userEvent.type(screen.getByLabelText(/^Last day/), '2027-08-01');
}

describe('new delegation', () => {
  it('is reached from the dashboard; creates a draft and opens it (a partner city fills the host city and zone)', async () => {
    const { fetchImpl, calls } = fakeApi(routes({ 'POST /api/delegations': { status: 201, body: created } }));
    renderApp({ path: '/', fetchImpl, session: coordinator });
    await userEvent.click(await screen.findByRole('button', { name: 'New delegation' }));
    expect(await screen.findByRole('heading', { name: 'New delegation' })).toBeInTheDocument();
    await fillIn();
    expect(screen.getByLabelText(/^Host city/)).toHaveValue('Fuzhou');
    expect(screen.getByLabelText('Host time zone')).toHaveValue('Asia/Shanghai');
    await userEvent.click(screen.getByRole('button', { name: 'Create delegation' }));
    expect(await screen.findByRole('heading', { name: 'Tacoma youth orchestra' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Tacoma youth orchestra', hostCity: 'Fuzhou', startDate: '2027-08-10', endDate: '2027-08-01', direction: 'outbound',
      partnershipId: 'pa-fz', hostTimeZone: 'Asia/Shanghai', minorsPerAdult: 5,
    });
    expect(screen.getByText('Asia/Shanghai (China Standard Time)')).toBeInTheDocument();
  }, 20_000);

  it('a 400 shows at its field and keeps what was typed', async () => {
    const { fetchImpl } = fakeApi(
      routes({
        'POST /api/delegations': { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['endDate must not be before startDate'], fields: [{ field: 'endDate', messages: ['endDate must not be before startDate'] }] } },
      }),
    );
    renderApp({ path: '/delegations/new', fetchImpl, session: coordinator });
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create delegation' }));
    const end = screen.getByLabelText(/^Last day/);
    await waitFor(() => expect(end).toHaveAccessibleDescription('endDate must not be before startDate'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(end).toHaveValue('2027-08-01');
    expect(screen.getByLabelText(/^First day/)).toHaveValue('2027-08-10');
    expect(screen.getByLabelText(/^Title/)).toHaveValue('Tacoma youth orchestra');
    expect(screen.getByLabelText('Partner city')).toHaveValue('pa-fz');
    expect(screen.getByRole('heading', { name: 'New delegation' })).toBeInTheDocument();
  }, 20_000);
});
