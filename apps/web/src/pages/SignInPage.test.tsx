import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';

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
      'POST /api/identity/login': { body: { accessToken: 'tok-1', organisationId: 'org', roles: ['host'], tokenType: 'Bearer' } },
      'GET /api/host-matching/offers': { body: { items: [], total: 0 } },
    });
    renderApp({ path: '/', fetchImpl });
    await userEvent.type(await screen.findByLabelText(/email/i), 'chen.hong@fuzhou.example');
    await userEvent.type(screen.getByLabelText(/password/i, { selector: 'input' }), 'twinning-demo-person');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Offers to your family' })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/host-matching/offers')?.authorization).toBe('Bearer tok-1');
    expect(calls[0].body).toEqual({ email: 'chen.hong@fuzhou.example', password: 'twinning-demo-person' });
  });
});
