import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiLogin, expectAccessible, newPage, screenshot, signIn, until, useBrowser } from './browser';
import { twoFamiliesOneGuest, type HostWorld } from './world';

interface Offer { id: string; status: string; familyName: string; origin: string; responseReason: string | null }

describe('a host declines an offer and the coordinator sees the automatic re-match', () => {
  const browser = useBrowser();
  let world: HostWorld;
  beforeAll(async () => {
    world = await twoFamiliesOneGuest();
  });

  it('decline with a reason on a phone -> a re-match offer to the other family, shown on the delegation page', async () => {
    const declining = world.offer.familyName;
    const other = Object.keys(world.hosts).find((f) => f !== declining)!;
    const reason = 'my mother is in hospital that week';

    const host = await newPage(browser(), { phone: true });
    try {
      await signIn(host.page, world.hosts[declining]);
      await host.page.getByRole('heading', { name: 'Offers to your family' }).waitFor();
      await host.page.getByRole('link', { name: new RegExp(world.guestName) }).first().click();
      const card = host.page.getByTestId('offer');
      await card.waitFor();
      await card.getByRole('button', { name: 'Decline' }).click();
      // an empty reason is refused next to the field, and nothing is declined
      await card.getByRole('button', { name: 'Decline the offer' }).click();
      await expect.poll(() => card.getByLabel('Reason for declining').getAttribute('aria-invalid')).toBe('true');
      await card.getByLabel('Reason for declining').fill(reason);
      await screenshot(host.page, 'host-decline-phone');
      await expectAccessible(host.page, 'host-decline');
      await card.getByRole('button', { name: 'Decline the offer' }).click();
      await host.page.getByText('Offer declined').waitFor();
    } finally {
      await host.context.close();
    }

    // the service re-matched in the same transaction: the other family has a re-match offer
    const token = await apiLogin('coordinator@sandiego.example');
    const offers = await until('the re-match offer', async () => {
      const r = await api<{ items: Offer[] }>(token, 'GET', `/api/host-matching/offers?delegationId=${world.delegationId}&limit=50`);
      return r.body.items?.some((o) => o.origin === 'rematch' && o.status === 'offered') ? r.body.items : undefined;
    });
    expect(offers.find((o) => o.id === world.offer.id)).toMatchObject({ status: 'declined', responseReason: reason });
    expect(offers.find((o) => o.origin === 'rematch')).toMatchObject({ status: 'offered', familyName: other });

    const coordinator = await newPage(browser());
    try {
      await signIn(coordinator.page, 'coordinator@sandiego.example');
      await coordinator.page.goto(`/delegations/${world.delegationId}`);
      await coordinator.page.getByRole('heading', { name: world.delegationTitle }).waitFor();
      const rows = coordinator.page.getByRole('row');
      const declinedRow = rows.filter({ hasText: declining });
      const rematchRow = rows.filter({ hasText: other }).filter({ hasText: /re-match/i });
      await declinedRow.getByText('Declined').first().waitFor();
      await rematchRow.getByText('Offered').first().waitFor();
      await expect.poll(() => rematchRow.textContent()).toMatch(/left/);
      await screenshot(coordinator.page, 'coordinator-sees-rematch');
      await expectAccessible(coordinator.page, 'delegation-offers');
    } finally {
      await coordinator.context.close();
    }
  });
});
