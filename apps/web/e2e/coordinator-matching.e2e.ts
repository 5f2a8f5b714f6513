import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newPage, screenshot, signIn } from './browser';

describe('a coordinator signs in, opens a delegation and runs matching', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('dashboard -> delegation -> run matching: progress, then proposals and the unplaced with their reasons', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/sign-in');
      await expectAccessible(page, 'sign-in');
      await screenshot(page, 'sign-in');
      await signIn(page, 'coordinator@tacoma.example');

      await page.getByRole('heading', { name: 'Delegations' }).waitFor();
      const first = page.getByRole('table').getByRole('link').first();
      await first.waitFor();
      await screenshot(page, 'coordinator-dashboard');
      await expectAccessible(page, 'coordinator-dashboard');

      const title = (await first.textContent())!.trim();
      await first.click();
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('heading', { name: 'Members' }).waitFor();

      // a venue is needed before a run; keep the one the demo set, or set one in the host city
      const lat = page.getByLabel('Latitude');
      if (!(await lat.inputValue())) {
        await lat.fill('26.0745');
        await page.getByLabel('Longitude').fill('119.2965');
        await page.getByRole('button', { name: 'Save venue' }).click();
        await page.getByText('Venue saved').waitFor();
      }

      await page.getByRole('button', { name: 'Run matching' }).click();
      const result = page.getByTestId('matching-result');
      const failure = page.getByRole('alert');
      await Promise.race([result.getByText(/guests placed/).waitFor({ timeout: 60_000 }), failure.first().waitFor({ timeout: 60_000 })]);
      expect(await failure.count(), (await failure.allTextContents()).join(' | ')).toBe(0);
      await expect.poll(() => result.getByText(/guests placed/).count()).toBe(1);
      await screenshot(page, 'delegation-matching');
      await expectAccessible(page, 'delegation');

      // the same page at phone width
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'delegation-phone');
    } finally {
      await context.close();
    }
  });
});
