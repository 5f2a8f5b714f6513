import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, expectAccessible, newPage, screenshot, signIn, useBrowser } from './browser';
import { twoFamiliesOneGuest, type HostWorld } from './world';

const COORDINATOR = 'coordinator@sandiego.example';

describe('host families and their offers', () => {
  const browser = useBrowser();
  let world: HostWorld;
  beforeAll(async () => {
    // a guest offered to one of two new families (hosts invited by email), built through the API
    world = await twoFamiliesOneGuest();
  });

  it("a host cannot open another family's offer", async () => {
    const other = Object.keys(world.hosts).find((f) => f !== world.offer.familyName)!;
    const { context, page } = await newPage(browser(), { phone: true });
    try {
      await signIn(page, world.hosts[other]);
      await page.goto(`/offers/${world.offer.id}`);
      await page.getByRole('alert').getByText('This offer does not exist or is not for your family.').waitFor();
      expect(await page.getByTestId('offer').count()).toBe(0);
      await screenshot(page, 'host-other-familys-offer');
      await page.goto('/offers');
      await page.getByRole('heading', { name: 'Offers to your family' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('offer').count()).toBe(0);
      await screenshot(page, 'host-offers-empty');
      await expectAccessible(page, 'host-offers');
      // and the API refuses it as well
      expect((await api(await apiLogin(world.hosts[other]), 'GET', `/api/host-matching/offers/${world.offer.id}`)).status).toBe(404);
    } finally {
      await context.close();
    }
  });

  it('a host sees the offer on a phone (what to know, time left, the deadline) and accepts; the coordinator sees it accepted', async () => {
    const host = await newPage(browser(), { phone: true });
    try {
      await signIn(host.page, world.hosts[world.offer.familyName]);
      await host.page.getByRole('heading', { name: 'Offers to your family' }).waitFor();
      await screenshot(host.page, 'host-offers-list');
      await host.page.getByRole('link', { name: world.guestName }).click();
      const card = host.page.getByTestId('offer');
      await card.waitFor();
      // time left, and the deadline in San Diego's zone, named
      await expect.poll(() => card.getByTestId('time-left').textContent()).toMatch(/left.*Answer by .*Pacific/);
      await expect.poll(() => card.textContent()).toMatch(/Languages: ps, en/);
      await screenshot(host.page, 'host-offer-phone');
      await expectAccessible(host.page, 'host-offer');
      await card.getByRole('button', { name: 'Accept' }).click();
      await host.page.getByText('Offer accepted').waitFor();
      await screenshot(host.page, 'host-offer-accepted');

      // the same page in 中文 (the language switch, remembered; the document's language follows)
      await host.page.getByLabel('Language').selectOption('zh');
      await host.page.getByRole('heading', { name: '给您家庭的接待邀请' }).waitFor();
      expect(await host.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      await screenshot(host.page, 'host-offer-zh-phone');
      await expectAccessible(host.page, 'host-offer-zh');
    } finally {
      await host.context.close();
    }

    // an adult guest: accepted is confirmed at once
    const token = await apiLogin(COORDINATOR);
    expect((await api<{ status: string }>(token, 'GET', `/api/host-matching/offers/${world.offer.id}`)).body.status).toBe('confirmed');
    const coordinator = await newPage(browser());
    try {
      await signIn(coordinator.page, COORDINATOR);
      await coordinator.page.goto(`/delegations/${world.delegationId}`);
      await coordinator.page.getByRole('heading', { name: world.delegationTitle }).waitFor();
      await coordinator.page.getByRole('row').filter({ hasText: world.offer.familyName }).getByText('Confirmed').first().waitFor();
      await screenshot(coordinator.page, 'coordinator-sees-accepted');
      // the printable rooming list (fetched with the token, opened as a page of its own) names the guest and the family
      const [printable] = await Promise.all([coordinator.context.waitForEvent('page'), coordinator.page.getByRole('button', { name: 'Rooming list (printable)' }).click()]);
      await printable.waitForLoadState();
      await expect.poll(async () => (await printable.textContent('body')) ?? '').toContain(world.offer.familyName);
      expect(await printable.textContent('body')).toContain('Hotak');
      await screenshot(printable, 'rooming-list');
    } finally {
      await coordinator.context.close();
    }
  });
});
