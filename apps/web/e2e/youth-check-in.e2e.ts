import { describe, expect, it } from 'vitest';
import { api, apiLogin, expectAccessible, newPage, screenshot, signIn, useBrowser } from './browser';

const YOUTH = 'youth@tacoma.example';
const DELEGATION = 'Tacoma Youth Symphony to Fuzhou';

describe('a youth programme manager', () => {
  const browser = useBrowser();

  it('keeps working when the access token has expired: the app renews the session with the refresh token', async () => {
    const { context, page } = await newPage(browser());
    try {
      await signIn(page, YOUTH);
      // an access token the gateway refuses (as after its 15 minutes), the refresh token as issued
      const before = await page.evaluate(() => {
        const s = JSON.parse(localStorage.getItem('twinning.session')!);
        const refreshToken = s.refreshToken as string;
        localStorage.setItem('twinning.session', JSON.stringify({ ...s, accessToken: `${s.accessToken.split('.').slice(0, 2).join('.')}.invalid-signature` }));
        return refreshToken;
      });
      expect(before).toBeTruthy();
      await page.goto('/youth/participants');
      await page.getByRole('heading', { name: 'Participants' }).waitFor();
      await page.getByRole('link', { name: /Emma Larsen/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/youth/participants');
      const after = await page.evaluate(() => JSON.parse(localStorage.getItem('twinning.session')!) as { accessToken: string; refreshToken: string });
      expect(after.refreshToken).not.toBe(before); // rotated: the old one is spent
      expect((await api(after.accessToken, 'GET', '/api/identity/me')).status).toBe(200);
    } finally {
      await context.close();
    }
  });

  it('finds a participant, reads their record, and records a check-in that then shows as the last one', async () => {
    const { context, page } = await newPage(browser());
    try {
      await signIn(page, YOUTH);
      await page.getByRole('link', { name: 'Youth programme' }).first().click();
      await page.getByRole('heading', { name: 'Participants' }).waitFor();
      await page.getByLabel('Name contains').fill('Larsen');
      const emma = page.getByRole('link', { name: /Emma Larsen/ });
      await emma.waitFor();
      await screenshot(page, 'youth-participants');
      await expectAccessible(page, 'youth-participants');
      await emma.click();
      await page.getByRole('heading', { name: 'Emma Larsen' }).waitFor();
      await page.getByText('Guardians and consent').waitFor();
      await screenshot(page, 'youth-participant-record');
      await expectAccessible(page, 'youth-participant-record');

      await page.goto('/youth/check-ins');
      await page.getByLabel('Delegation').selectOption({ label: DELEGATION });
      const member = page.getByLabel('Member', { exact: true });
      await expect.poll(async () => (await member.locator('option').allTextContents()).includes('Emma Larsen')).toBe(true);
      await member.selectOption({ label: 'Emma Larsen' });
      await page.getByLabel('Method').selectOption({ label: 'Phone' });
      await page.getByLabel('Welfare (1–5)').fill('4');
      const note = `e2e ${Date.now()}: settled in, practising every evening`;
      await page.getByLabel('Notes').fill(note);
      await page.getByRole('button', { name: 'Record check-in' }).click();
      await page.getByText('Check-in recorded').waitFor();
      await page.getByRole('cell', { name: note }).waitFor();
      // Emma is no longer overdue
      await expect.poll(async () => (await page.getByTestId('overdue').textContent().catch(() => '')) ?? '').not.toMatch(/Emma Larsen/);
      await screenshot(page, 'youth-check-ins');
      await expectAccessible(page, 'youth-check-ins');

      // stored: the API has it, by the youth manager, for Emma
      const token = await apiLogin(YOUTH);
      const delegations = await api<{ items: { id: string; title: string }[] }>(token, 'GET', '/api/delegations?limit=100');
      const id = delegations.body.items.find((d) => d.title === DELEGATION)!.id;
      const checkIns = await api<{ items: { notes?: string; method: string; welfareRating: number }[] }>(token, 'GET', `/api/delegations/${id}/check-ins?limit=200`);
      expect(checkIns.body.items.find((c) => c.notes === note)).toMatchObject({ method: 'phone', welfareRating: 4 });

      await page.goto('/youth/incidents');
      await page.getByRole('heading', { name: 'Incidents' }).first().waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'youth-incidents');
      await expectAccessible(page, 'youth-incidents');

      await page.goto('/youth/reports');
      await page.getByRole('heading', { name: 'Participant report' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'youth-reports');
      await expectAccessible(page, 'youth-reports');
    } finally {
      await context.close();
    }
  });
});
