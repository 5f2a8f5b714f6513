import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../../test/render';

describe('accept an invitation', () => {
  it('a too short password shows at the password field and keeps what was typed; then accepts, signs in and lands on the household', async () => {
    const { fetchImpl, calls } = fakeApi({
      'POST /api/identity/invitations/accept': (c) =>
        (c.body as { password: string }).password.length < 12
          ? { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['short'], fields: [{ field: 'password', messages: ['password must be longer than or equal to 12 characters'] }] } }
          : { status: 201, body: { userId: 'u-9', organisationId: 'org-2', roles: ['host'], accountCreated: true } },
      'POST /api/identity/login': { body: { accessToken: 'token-new', refreshToken: 'refresh-new', organisationId: 'org-2', roles: ['host'], organisations: [] } },
      'GET /api/host-matching/families': { body: { items: [], total: 0 } },
    });
    renderApp({ path: '/accept-invitation?token=tok-123', fetchImpl, session: null });
    await userEvent.type(await screen.findByLabelText('Your name'), 'Chen Hong');
    await userEvent.type(screen.getByLabelText(/Your email address/), 'chen.hong@fuzhou.example');
    const password = screen.getByLabelText(/^Password/);
    await userEvent.type(password, 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/password must be longer than or equal to 12 characters/));
    expect(screen.getByLabelText('Your name')).toHaveValue('Chen Hong');
    await userEvent.type(password, '-and-now-long-enough');
    await userEvent.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(await screen.findByRole('heading', { name: 'My household' })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/identity/invitations/accept').at(-1)?.body).toEqual({ token: 'tok-123', name: 'Chen Hong', password: 'short-and-now-long-enough', language: 'en' });
    expect(calls.find((c) => c.path === '/api/identity/login')?.body).toEqual({ email: 'chen.hong@fuzhou.example', password: 'short-and-now-long-enough' });
    // the heading shows before the household's first request is recorded (the fake API reads the body first)
    await waitFor(() => expect(calls.find((c) => c.path === '/api/host-matching/families')?.authorization).toBe('Bearer token-new'));
    // the stored session keeps the refresh token, so it renews itself after 15 minutes
    expect(JSON.parse(localStorage.getItem('twinning.session') ?? 'null')).toEqual({ accessToken: 'token-new', refreshToken: 'refresh-new', organisationId: 'org-2', roles: ['host'], email: 'chen.hong@fuzhou.example' });
  });

  it('an expired link: the API’s message above the form', async () => {
    const { fetchImpl } = fakeApi({ 'POST /api/identity/invitations/accept': { status: 410, body: { statusCode: 410, code: 'IDENTITY.INVITATION_EXPIRED', message: ['this invitation has expired'], fields: [] } } });
    renderApp({ path: '/accept-invitation?token=old', fetchImpl, session: null });
    await userEvent.type(await screen.findByLabelText(/Your email address/), 'a@b.example');
    await userEvent.type(screen.getByLabelText(/^Password/), 'long-enough-password');
    await userEvent.click(screen.getByRole('button', { name: 'Accept and sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('this invitation has expired');
  });

  it('without a token it says so', async () => {
    const { fetchImpl } = fakeApi({});
    renderApp({ path: '/accept-invitation', fetchImpl, session: null });
    expect(await screen.findByRole('alert')).toHaveTextContent('This page needs the link from your invitation email.');
    expect(screen.getByRole('button', { name: 'Accept and sign in' })).toBeDisabled();
  });
});
