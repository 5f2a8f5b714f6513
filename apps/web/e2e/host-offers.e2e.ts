import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, expectAccessible, launch, newPage, screenshot, signIn, type OfferSummary } from './browser';

const HOST = 'chen.hong@fuzhou.example';
const OTHER_HOST = 'wang.fang@fuzhou.example';
const COORDINATOR = 'coordinator@fuzhou.example';

/** Makes sure HOST has an open offer: the Fuzhou coordinator runs matching on each delegation and releases the proposals. */
async function ensureOpenOffer(): Promise<OfferSummary | undefined> {
  const hostToken = await apiLogin(HOST);
  const open = async () => (await api<{ items: OfferSummary[] }>(hostToken, 'GET', '/api/host-matching/offers?status=offered')).body.items?.find((o) => o.status === 'offered');
  const found = await open();
  if (found) return found;
  const coordinator = await apiLogin(COORDINATOR);
  const delegations = (await api<{ items: { id: string }[] }>(coordinator, 'GET', '/api/delegations?limit=50')).body.items ?? [];
  for (const d of delegations) {
    const run = await api(coordinator, 'POST', `/api/host-matching/delegations/${d.id}/matching-runs`);
    if (run.status !== 201) continue;
    await api(coordinator, 'POST', `/api/host-matching/delegations/${d.id}/offers`, {});
    const now = await open();
    if (now) return now;
  }
  return undefined;
}

describe('host families and their offers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a host sees an offer with what they must know and the time left, on a phone, and accepts it', async () => {
    const offer = await ensureOpenOffer();
    if (!offer) throw new Error(`no open offer could be made for ${HOST} from the demo data`);
    const { context, page } = await newPage(browser, { phone: true });
    try {
      await signIn(page, HOST);
      // the demo host reads Chinese by default in their account; the browser here asks for English
      await page.goto(`/offers/${offer.id}`);
      const card = page.getByTestId('offer');
      await card.waitFor();
      await expect.poll(() => card.getByTestId('time-left').textContent()).toMatch(/left/);
      await screenshot(page, 'host-offer-phone');
      await expectAccessible(page, 'host-offer');
      await card.getByRole('button', { name: 'Accept' }).click();
      await page.getByText('Offer accepted').waitFor();
      await screenshot(page, 'host-offer-accepted');

      const token = await apiLogin(HOST);
      const after = await api<{ status: string }>(token, 'GET', `/api/host-matching/offers/${offer.id}`);
      expect(['accepted', 'confirmed']).toContain(after.body.status);
    } finally {
      await context.close();
    }
  });

  it("a host cannot open another family's offer", async () => {
    const coordinator = await apiLogin(COORDINATOR);
    const all = (await api<{ items: OfferSummary[] }>(coordinator, 'GET', '/api/host-matching/offers?limit=200')).body.items ?? [];
    const mine = new Set(((await api<{ items: OfferSummary[] }>(await apiLogin(OTHER_HOST), 'GET', '/api/host-matching/offers?limit=200')).body.items ?? []).map((o) => o.id));
    const theirs = all.find((o) => !mine.has(o.id));
    if (!theirs) throw new Error('no offer to another family in the demo data');
    const { context, page } = await newPage(browser, { phone: true });
    try {
      await signIn(page, OTHER_HOST);
      await page.goto(`/offers/${theirs.id}`);
      await page.getByRole('alert').getByText('This offer does not exist or is not for your family.').waitFor();
      expect(await page.getByTestId('offer').count()).toBe(0);
      await screenshot(page, 'host-other-familys-offer');
      await page.goto('/offers');
      await page.getByRole('heading', { name: 'Offers to your family' }).waitFor();
      await page.waitForLoadState('networkidle');
      await screenshot(page, 'host-offers-list');
      await expectAccessible(page, 'host-offers');
    } finally {
      await context.close();
    }
  });
});
