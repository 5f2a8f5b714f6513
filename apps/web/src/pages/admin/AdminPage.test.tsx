import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../session';
import { fakeApi, renderApp } from '../../test/render';

const admin: Session = { accessToken: 'token-admin', organisationId: 'org-1', roles: ['admin'], email: 'admin@tacoma.example' };
const membersBody = {
  items: [
    { userId: 'u-1', email: 'admin@tacoma.example', name: 'Ada Admin', language: 'en', roles: ['admin'], disabled: false, memberSince: '2026-01-02T10:00:00Z' },
    { userId: 'u-2', email: 'mei.lin@tacoma.example', name: 'Mei Lin', language: 'en', roles: ['coordinator'], disabled: false, memberSince: '2026-02-03T10:00:00Z' },
  ],
};
const audit = { body: { items: [
  { id: '7', occurredAt: '2026-11-27T09:00:00Z', userId: 'u-2', method: 'POST', path: '/api/delegations', status: 201, correlationId: 'corr-1' },
  { id: '8', occurredAt: '2026-11-27T09:05:00Z', userId: null, method: 'POST', path: '/api/identity/login', status: 401, correlationId: 'corr-2', clientAddress: '203.0.113.66', eventCode: 'sign-in-failed', accountUserId: 'u-1' },
], total: 2 } };

describe('admin', () => {
  it('lists members with their roles, changes roles and shows a refusal at that member', async () => {
    const { fetchImpl, calls } = fakeApi({
      'GET /api/identity/organisations/:orgId/members': { body: membersBody },
      'GET /api/identity/audit': audit,
      'PUT /api/identity/organisations/:orgId/members/:userId/roles': (c) =>
        c.path.includes('/u-1/')
          ? { status: 409, body: { statusCode: 409, code: 'IDENTITY.LAST_ADMIN', message: ['the organisation must keep an admin'], fields: [] } }
          : { body: { userId: 'u-2', organisationId: 'org-1', roles: ['coordinator', 'youth-manager'] } },
    });
    renderApp({ path: '/admin', fetchImpl, session: admin });
    const mei = await screen.findByRole('form', { name: 'Roles of Mei Lin' });
    expect(within(mei).getByLabelText('Coordinator')).toBeChecked();
    await userEvent.click(within(mei).getByLabelText('Youth manager'));
    await userEvent.click(within(mei).getByRole('button', { name: 'Save roles' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ roles: ['coordinator', 'youth-manager'] }));
    expect(calls.find((c) => c.method === 'PUT')?.path).toBe('/api/identity/organisations/org-1/members/u-2/roles');

    const ada = screen.getByRole('form', { name: 'Roles of Ada Admin' });
    await userEvent.click(within(ada).getByLabelText('Admin'));
    await userEvent.click(within(ada).getByRole('button', { name: 'Save roles' }));
    expect(await within(ada).findByText('the organisation must keep an admin')).toBeInTheDocument();
    expect(within(ada).getByLabelText('Admin')).not.toBeChecked();

    // the audit trail names who did it
    const row = (await screen.findByText('POST /api/delegations')).closest('tr')!;
    expect(within(row).getByText('Mei Lin')).toBeInTheDocument();
    expect(within(row).getByText('201')).toBeInTheDocument();
    expect(within(row).getByText('corr-1')).toBeInTheDocument();
    // and shows a failed sign-in to a member's account, naming the account and the address
    const failed = screen.getByText('Failed sign-in to the account of Ada Admin from 203.0.113.66').closest('tr')!;
    expect(within(failed).getByText('401')).toBeInTheDocument();
  });

  it('invites a user; an error shows next to its field and what was typed stays', async () => {
    let fail = true;
    const { fetchImpl, calls } = fakeApi({
      'GET /api/identity/organisations/:orgId/members': { body: membersBody },
      'GET /api/identity/audit': audit,
      'POST /api/identity/organisations/:orgId/invitations': () =>
        fail ? ((fail = false), { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['bad'], fields: [{ field: 'email', messages: ['email must be an email'] }] } }) : { status: 201, body: { id: 'inv-1' } },
    });
    renderApp({ path: '/admin', fetchImpl, session: admin });
    const form = await screen.findByRole('form', { name: 'Invite a user' });
    const email = within(form).getByLabelText(/Email/);
    await userEvent.type(email, 'chen.hong@fuzhou');
    await userEvent.type(within(form).getByLabelText('Name'), 'Chen Hong');
    await userEvent.click(within(form).getByLabelText('Coordinator'));
    await userEvent.selectOptions(within(form).getByLabelText('Language'), 'zh');
    await userEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription('email must be an email'));
    expect(within(form).getByLabelText('Name')).toHaveValue('Chen Hong');
    await userEvent.clear(email);
    await userEvent.type(email, 'chen.hong@fuzhou.example');
    await userEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await within(form).findByText('Invitation sent to chen.hong@fuzhou.example')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)).toMatchObject({
      path: '/api/identity/organisations/org-1/invitations',
      body: { email: 'chen.hong@fuzhou.example', name: 'Chen Hong', roles: ['host', 'coordinator'], language: 'zh' },
    });
  });

  it('shows the Admin and Youth programme links only to the right roles', async () => {
    const { fetchImpl } = fakeApi({ 'GET /api/delegations': { body: { items: [], total: 0 } } });
    const first = renderApp({ path: '/', fetchImpl, session: { ...admin, roles: ['coordinator'] } });
    await screen.findByRole('heading', { name: 'Delegations' });
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Youth programme' })).not.toBeInTheDocument();
    first.unmount();
    renderApp({ path: '/', fetchImpl, session: { ...admin, roles: ['youth-manager'] } });
    await screen.findByRole('heading', { name: 'Delegations' });
    expect(screen.getByRole('link', { name: 'Youth programme' })).toHaveAttribute('href', '/youth/participants');
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });
});
