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

  it('shows who read which participant’s medical notes, recorded by the service that answered', async () => {
    const read = { id: '8', occurredAt: '2026-11-27T10:00:00Z', userId: 'u-2', method: 'GET', path: '/api/delegations/participants/p-1', status: 200, correlationId: 'corr-2',
      source: 'delegations', action: 'sensitive-read', subjectKind: 'participant', subjectId: 'p-1', fields: ['medicalNotes', 'guardianContacts'] };
    const { fetchImpl } = fakeApi({
      'GET /api/identity/organisations/:orgId/members': { body: membersBody },
      'GET /api/identity/audit': { body: { items: [read], total: 1 } },
    });
    renderApp({ path: '/admin', fetchImpl, session: admin });
    const row = (await screen.findByText('read medical notes, guardians’ contacts of participant p-1')).closest('tr')!;
    expect(within(row).getByText('Mei Lin')).toBeInTheDocument();
    expect(within(row).getByText('recorded by delegations')).toBeInTheDocument();
  });

  it('removes a member and disables or enables an account after asking once more; a refusal shows at that member', async () => {
    let members = membersBody.items.map((m) => ({ ...m }));
    const { fetchImpl, calls } = fakeApi({
      'GET /api/identity/organisations/:orgId/members': () => ({ body: { items: members } }),
      'GET /api/identity/audit': audit,
      'POST /api/identity/organisations/:orgId/members/:userId/disable': () => {
        members = members.map((m) => (m.userId === 'u-2' ? { ...m, disabled: true } : m));
        return { body: { userId: 'u-2', disabled: true } };
      },
      'POST /api/identity/organisations/:orgId/members/:userId/enable': () => {
        members = members.map((m) => (m.userId === 'u-2' ? { ...m, disabled: false } : m));
        return { body: { userId: 'u-2', disabled: false } };
      },
      'DELETE /api/identity/organisations/:orgId/members/:userId': (c) => {
        if (c.path.endsWith('/u-1')) return { status: 409, body: { statusCode: 409, code: 'IDENTITY.LAST_ADMIN', message: ['the organisation needs at least one admin'], fields: [] } };
        members = members.filter((m) => m.userId !== 'u-2');
        return { status: 204, body: undefined };
      },
    });
    renderApp({ path: '/admin', fetchImpl, session: admin });
    const mei = await screen.findByRole('group', { name: 'Access of Mei Lin' });
    // one's own account cannot be disabled from here
    const ada = screen.getByRole('group', { name: 'Access of Ada Admin' });
    expect(within(ada).queryByRole('button', { name: 'Disable account' })).not.toBeInTheDocument();

    await userEvent.click(within(mei).getByRole('button', { name: 'Disable account' }));
    expect(within(mei).getByText('Disable the account of Mei Lin? They cannot sign in, and every session ends at once.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/disable'))).toBe(false);
    await userEvent.click(within(mei).getByRole('button', { name: 'Disable account' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/disable'))?.path).toBe('/api/identity/organisations/org-1/members/u-2/disable'));
    expect(await within(mei).findByRole('button', { name: 'Enable account' })).toBeInTheDocument();
    expect(within(screen.getByRole('form', { name: 'Roles of Mei Lin' }).closest('tr')!).getByText('disabled')).toBeInTheDocument();

    await userEvent.click(within(mei).getByRole('button', { name: 'Enable account' }));
    await userEvent.click(within(mei).getByRole('button', { name: 'Enable account' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/enable'))?.path).toBe('/api/identity/organisations/org-1/members/u-2/enable'));
    expect(await within(mei).findByRole('button', { name: 'Disable account' })).toBeInTheDocument();

    await userEvent.click(within(ada).getByRole('button', { name: 'Remove' }));
    await userEvent.click(within(ada).getByRole('button', { name: 'Remove' }));
    expect(await within(ada).findByText('the organisation needs at least one admin')).toBeInTheDocument();

    await userEvent.click(within(mei).getByRole('button', { name: 'Remove' }));
    expect(within(mei).getByText('Remove Mei Lin from the organisation? Their sessions end at once.')).toBeInTheDocument();
    await userEvent.click(within(mei).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Access of Mei Lin' })).not.toBeInTheDocument());
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/api/identity/organisations/org-1/members/u-1', '/api/identity/organisations/org-1/members/u-2']);
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
