import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';

const ACCEPTED = { status: 202, body: { status: 'accepted', message: 'If an account has this email address, a link to choose a new password is on its way.' } };

describe('forgot password', () => {
  it('is linked from the sign-in page; asks for the link and says the same whatever the address', async () => {
    const { fetchImpl, calls } = fakeApi({ 'POST /api/identity/password-reset': ACCEPTED });
    renderApp({ path: '/sign-in', fetchImpl, session: null });
    await userEvent.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument();
    await userEvent.type(await screen.findByLabelText(/Email/), ' mei.lin@tacoma.example ');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('status')).toHaveTextContent('If an account has the address mei.lin@tacoma.example, a link to choose a new password is on its way.');
    expect(calls.find((c) => c.path === '/api/identity/password-reset')?.body).toEqual({ email: 'mei.lin@tacoma.example' });
    expect(calls.find((c) => c.path === '/api/identity/password-reset')?.authorization).toBeNull();
  });

  it('an invalid address shows at the email field; too many requests above the form', async () => {
    let n = 0;
    const { fetchImpl } = fakeApi({
      'POST /api/identity/password-reset': () => (++n === 1
        ? { status: 400, body: { statusCode: 400, code: 'REQUEST.INVALID', message: ['invalid'], fields: [{ field: 'email', messages: ['email must be an email'] }] } }
        : { status: 429, body: { statusCode: 429, code: 'IDENTITY.TOO_MANY_RESET_REQUESTS', message: ['too many password reset requests from your network address; try again in 60 seconds'], fields: [] } }),
    });
    renderApp({ path: '/forgot-password', fetchImpl, session: null });
    const email = await screen.findByLabelText(/Email/);
    await userEvent.type(email, 'not-an-address');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription(/email must be an email/));
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('try again in 60 seconds');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('speaks the person’s language', async () => {
    const { fetchImpl } = fakeApi({ 'POST /api/identity/password-reset': ACCEPTED });
    renderApp({ path: '/forgot-password', fetchImpl, session: null, language: 'es' });
    expect(await screen.findByRole('heading', { name: '¿Olvidó su contraseña?' })).toBeInTheDocument();
  });
});
