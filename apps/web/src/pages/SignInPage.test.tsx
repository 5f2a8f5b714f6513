import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, host, renderApp } from '../test/render';

const issued = (accessToken: string, refreshToken: string) => ({
  tokenType: 'Bearer', accessToken, expiresIn: 900, refreshToken, refreshExpiresAt: '2027-05-10T12:00:00Z', organisationId: 'org-2', roles: ['host'],
});
const stored = () => JSON.parse(localStorage.getItem('twinning.session') ?? 'null');
/** offers for the access token `tok-2` only: any other is expired */
const offersFor = (token: string) => (c: { authorization: string | null }) =>
  c.authorization === `Bearer ${token}` ? { body: { items: [], total: 0 } } : { status: 401, body: { statusCode: 401, code: 'AUTH.INVALID_TOKEN', message: 'jwt expired' } };

describe('sign in', () => {
  it('shows the API’s message next to the field it names, and keeps what was typed', async () => {
    const { fetchImpl } = fakeApi({
      'POST /api/identity/login': { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['email must be an email'], fields: [{ field: 'email', messages: ['email must be an email'] }] } },
    });
    renderApp({ path: '/sign-in', fetchImpl });
    await userEvent.type(screen.getByLabelText(/email/i), 'not-an-email');
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText(/email/i);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('email must be an email');
    expect(email).toHaveValue('not-an-email');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('wrong credentials: a message above the form', async () => {
    const { fetchImpl } = fakeApi({ 'POST /api/identity/login': { status: 401, body: { statusCode: 401, code: 'IDENTITY.INVALID_CREDENTIALS', message: 'wrong email or password' } } });
    renderApp({ path: '/sign-in', fetchImpl });
    await userEvent.type(screen.getByLabelText(/email/i), 'a@b.example');
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('wrong email or password');
  });

  it('a host lands on their offers, with the token on every call', async () => {
    const { fetchImpl, calls } = fakeApi({
      'POST /api/identity/login': { body: { ...issued('tok-1', 'refresh-1'), organisations: [] } },
      'GET /api/host-matching/offers': { body: { items: [], total: 0 } },
    });
    renderApp({ path: '/', fetchImpl });
    await userEvent.type(await screen.findByLabelText(/email/i), 'chen.hong@fuzhou.example');
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'twinning-demo-person');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Offers to your family' })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/host-matching/offers')?.authorization).toBe('Bearer tok-1');
    expect(calls[0].body).toEqual({ email: 'chen.hong@fuzhou.example', password: 'twinning-demo-person' });
    expect(stored()).toMatchObject({ accessToken: 'tok-1', refreshToken: 'refresh-1', email: 'chen.hong@fuzhou.example' });
  });
});

describe('the session', () => {
  beforeEach(() => localStorage.clear());

  it('an expired access token is renewed once (the refresh token rotates) and the refused requests are retried', async () => {
    const { fetchImpl, calls } = fakeApi({
      'POST /api/identity/refresh': (c) => ((c.body as { refreshToken: string }).refreshToken === 'refresh-1' ? { body: issued('tok-2', 'refresh-2') } : { status: 401, body: { statusCode: 401, code: 'IDENTITY.REFRESH_REUSED' } }),
      'GET /api/host-matching/offers': offersFor('tok-2'),
    });
    renderApp({ path: '/offers', fetchImpl, session: { ...host, accessToken: 'tok-1', refreshToken: 'refresh-1' } });
    expect(await screen.findByText('No offers.')).toBeInTheDocument();
    const offers = calls.filter((c) => c.path === '/api/host-matching/offers').map((c) => c.authorization);
    expect(offers.slice(0, 2)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(calls.filter((c) => c.path === '/api/identity/refresh').map((c) => c.body)).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(stored()).toMatchObject({ accessToken: 'tok-2', refreshToken: 'refresh-2', email: host.email });
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('refresh refused: signed out, told why, and back where they were after signing in again', async () => {
    const { fetchImpl, calls } = fakeApi({
      'POST /api/identity/refresh': { status: 401, body: { statusCode: 401, code: 'IDENTITY.REFRESH_EXPIRED', message: ['the refresh token has expired; sign in again'] } },
      'POST /api/identity/login': { body: { ...issued('tok-2', 'refresh-2'), organisations: [] } },
      'GET /api/host-matching/offers/:id': (c) => (c.authorization === 'Bearer tok-2' ? { body: { id: 'offer-1', status: 'accepted', guest: { givenName: 'Emily', familyName: 'Carter' } } } : { status: 401, body: { statusCode: 401 } }),
    });
    renderApp({ path: '/offers/offer-1', fetchImpl, session: { ...host, accessToken: 'tok-1', refreshToken: 'refresh-1' } });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended. Please sign in again.');
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/identity/refresh')).toHaveLength(1);
    await userEvent.type(screen.getByLabelText(/email/i), host.email);
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'twinning-demo-person');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('article', { name: 'Emily Carter' })).toBeInTheDocument();
  });

  it('a session without a refresh token ends at the first 401', async () => {
    const { fetchImpl, calls } = fakeApi({ 'GET /api/host-matching/offers': offersFor('tok-2') });
    renderApp({ path: '/offers', fetchImpl, session: host });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/identity/refresh')).toBe(false);
  });

  it('signing out ends the session at the gateway too (logout with the refresh token)', async () => {
    const { fetchImpl, calls } = fakeApi({ 'GET /api/host-matching/offers': offersFor('tok-2'), 'POST /api/identity/logout': { status: 204, body: null } });
    renderApp({ path: '/offers', fetchImpl, session: { ...host, accessToken: 'tok-2', refreshToken: 'refresh-2' } });
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await waitFor(() => expect(calls.find((c) => c.path === '/api/identity/logout')?.body).toEqual({ refreshToken: 'refresh-2' }));
    expect(stored()).toBeNull();
  });
});
