import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, api, apiLogin, apiSession, expectAccessible, linkFromEmail, newPage, screenshot, signIn, useBrowser } from './browser';

describe('a host who forgot their password chooses a new one from the emailed link', () => {
  const browser = useBrowser();

  it('sign-in -> "Forgot password?" -> the same answer for any address -> the link from the email -> a new password -> signed in', async () => {
    // an account of its own (a demo person's password must stay as the other tests know it)
    const email = `e2e.reset.${Date.now().toString(36)}@tacoma.example`;
    const admin = await apiSession('admin@tacoma.example', ADMIN_PASSWORD);
    const invited = await api(admin.token, 'POST', `/api/identity/organisations/${admin.organisationId}/invitations`, { email, name: 'Robin Ames', roles: ['host'] });
    expect(invited.status).toBe(201);
    const invitation = new URL(await linkFromEmail(email)).searchParams.get('token');
    const accepted = await api('', 'POST', '/api/identity/invitations/accept', { token: invitation, name: 'Robin Ames', password: 'first passphrase of robin', language: 'en' });
    expect(accepted.status).toBe(201);

    const { context, page } = await newPage(browser(), { phone: true });
    try {
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
      await expectAccessible(page, 'forgot-password');
      // an address with no account gets the very same answer
      await page.getByLabel(/Email/).fill('nobody.here@tacoma.example');
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('status').filter({ hasText: 'If an account has the address nobody.here@tacoma.example' }).waitFor();
      await page.getByLabel(/Email/).fill(email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByRole('status').filter({ hasText: `If an account has the address ${email}` }).waitFor();
      await screenshot(page, 'forgot-password-phone');

      const link = new URL(await linkFromEmail(email, /https?:\/\/[^\s"<>]*reset-password\?token=[^\s"<>]+/));
      await page.goto(`${link.pathname}${link.search}`);
      const password = page.getByLabel(/^New password/);
      await password.waitFor();
      await expectAccessible(page, 'reset-password');
      // a common password is refused next to its field
      await password.fill('password1234');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByText(/password is too common or too easy to guess/).waitFor();
      await password.fill('robin keeps bees by the sound');
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByText('Your password has been changed').waitFor();
      await screenshot(page, 'password-changed-phone');
      // signed in with the new password: the app leaves the sign-in page
      await signIn(page, email, 'robin keeps bees by the sound');

      // the link works once, and the old password no longer does
      const again = await api('', 'POST', '/api/identity/password-reset/confirm', { token: link.searchParams.get('token'), password: 'yet another passphrase here' });
      expect(again.status).toBe(410);
      await expect(apiLogin(email, 'first passphrase of robin')).rejects.toThrow();
    } finally {
      await context.close();
    }
  });
});
