import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, renderApp } from '../test/render';

describe('choose a new password (the reset link)', () => {
  it('a weak password shows at its field; a good one is saved, then the sign-in page says so', async () => {
    const { fetchImpl, calls } = fakeApi({
      'POST /api/identity/password-reset/confirm': (c) =>
        (c.body as { password: string }).password === 'password1234'
          ? { status: 400, body: { statusCode: 400, code: 'IDENTITY.PASSWORD_TOO_WEAK', message: ['password is too common'], fields: [{ field: 'password', messages: ['password is too common or too easy to guess'] }] } }
          : { status: 204, body: undefined },
    });
    renderApp({ path: '/reset-password?token=tok-123', fetchImpl, session: null });
    const password = await screen.findByLabelText(/^New password/);
    await userEvent.type(password, 'password1234');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    await waitFor(() => expect(password).toHaveAccessibleDescription(/password is too common or too easy to guess/));
    await userEvent.clear(password);
    await userEvent.type(password, 'harbour lights over commencement bay');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your password has been changed');
    expect(calls.filter((c) => c.path === '/api/identity/password-reset/confirm').at(-1)?.body).toEqual({ token: 'tok-123', password: 'harbour lights over commencement bay' });
  });

  it('a used or expired link: the API’s message above the form, with the way to ask again', async () => {
    const { fetchImpl } = fakeApi({ 'POST /api/identity/password-reset/confirm': { status: 410, body: { statusCode: 410, code: 'IDENTITY.RESET_USED', message: ['this reset link has already been used'], fields: [] } } });
    renderApp({ path: '/reset-password?token=old', fetchImpl, session: null });
    await userEvent.type(await screen.findByLabelText(/^New password/), 'harbour lights over commencement bay');
    await userEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('this reset link has already been used');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('without a token it says so, in the person’s language', async () => {
    const { fetchImpl } = fakeApi({});
    renderApp({ path: '/reset-password', fetchImpl, session: null, language: 'zh' });
    expect(await screen.findByRole('alert')).toHaveTextContent('此页面需要密码重置邮件中的链接。');
    expect(screen.getByRole('button', { name: '保存新密码' })).toBeDisabled();
  });
});
