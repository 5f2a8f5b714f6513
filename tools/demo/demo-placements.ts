/**
 * Demo matching and placements (issue #5): for the Tacoma students in Fuzhou (placed by the Fuzhou organisation with
 * its own families, the delegation being shared with it) and the Jalalabad students in San Diego, sets the venue,
 * runs matching, releases the proposals as offers, accepts one on the phone for a host and declines another so the
 * automatic re-match shows. In San Diego two cousins are kept together (placed in one family or not at all).
 * Idempotent: a delegation that already has a matching run is left as it is.
 */
import { Call, until } from './demo-support';

interface DemoMatching {
  title: string; admin: string; venueName: string; venue: { latitude: number; longitude: number }; maxDistanceKm: number;
  /** the family whose offer is accepted (on the phone) and the one that declines, when they have an offer */
  accept: string; decline?: { family: string; reason: string };
  /** given names of guests kept together in one family (or all unplaced) */
  together?: string[];
}

export const DEMO_MATCHING: DemoMatching[] = [
  { title: 'Tacoma Youth Symphony to Fuzhou', admin: 'admin@fuzhou.example', venueName: 'Fuzhou Strait Culture and Art Centre', venue: { latitude: 26.0445, longitude: 119.2727 }, maxDistanceKm: 25,
    accept: 'Lin', decline: { family: 'Wang', reason: 'our daughter has exams that week; we can host in the autumn' } },
  { title: 'Jalalabad students exchange in San Diego', admin: 'admin@sandiego.example', venueName: 'San Diego City College', venue: { latitude: 32.7174, longitude: -117.1545 }, maxDistanceKm: 30, accept: 'Garcia',
    together: ['Zarghona', 'Mariam'] },
];

export async function seedPlacements(call: Call, gateway: string, tokenOf: (admin: string) => Promise<string>, delegationIds: Record<string, string>): Promise<void> {
  for (const m of DEMO_MATCHING) {
    const id = delegationIds[m.title];
    if (!id) continue;
    const token = await tokenOf(m.admin);
    const base = `/api/host-matching/delegations/${id}`;
    // host matching learns the delegation, its members and their matching profiles from the delegations service's events
    const guests = await until(`"${m.title}" in host matching`, async () => {
      const g = await call<{ items: { memberId: string; name: string | null; hasMatchingProfile: boolean }[] }>(gateway, 'GET', `${base}/guests`, token);
      return g.status === 200 && g.body.items.length > 0 && g.body.items.every((x) => x.hasMatchingProfile) ? g.body.items : undefined;
    });
    const runs = await call<{ items: unknown[] }>(gateway, 'GET', `${base}/matching-runs`, token);
    if (runs.status !== 200) throw new Error(`GET ${base}/matching-runs answered ${runs.status}`);
    if (runs.body.items.length) {
      process.stdout.write(`[demo] exists: matching of "${m.title}"\n`);
      continue;
    }
    const memberIds = (m.together ?? []).map((given) => guests.find((g) => g.name?.split(' ')[0] === given)?.memberId).filter((x): x is string => !!x);
    const groups = memberIds.length >= 2 ? [{ kind: 'together', memberIds }] : [];
    const settings = await call(gateway, 'PUT', `${base}/matching-settings`, token, { venueName: m.venueName, venue: m.venue, maxDistanceKm: m.maxDistanceKm, groups });
    if (settings.status !== 200) throw new Error(`matching settings of "${m.title}" answered ${settings.status}: ${JSON.stringify(settings.body)}`);
    const run = await call<{ placed: number; unplaced: number; totalScore: number; unplacedGuests: { guestName: string; explanation: { message: string } }[] }>(gateway, 'POST', `${base}/matching-runs`, token);
    if (run.status !== 201) throw new Error(`matching "${m.title}" answered ${run.status}: ${JSON.stringify(run.body)}`);
    process.stdout.write(`[demo] matching "${m.title}": ${run.body.placed} placed, ${run.body.unplaced} unplaced, score ${run.body.totalScore}\n`);
    for (const u of run.body.unplacedGuests) process.stdout.write(`[demo]   unplaced ${u.guestName}: ${u.explanation.message}\n`);
    const released = await call<{ offerIds: string[] }>(gateway, 'POST', `${base}/offers`, token, {});
    if (released.status !== 201) throw new Error(`releasing offers of "${m.title}" answered ${released.status}: ${JSON.stringify(released.body)}`);
    process.stdout.write(`[demo] "${m.title}": ${released.body.offerIds.length} offers made (72 hours to answer)\n`);
    // by family, not by the order of the released offers (which the solver does not fix): the demo's hosts with an
    // account (Chen Hong of the Lin family, Maria Garcia) always have a confirmed guest
    const offers = await call<{ items: { id: string; familyName: string; status: string }[] }>(gateway, 'GET', `/api/host-matching/offers?delegationId=${id}&status=offered&limit=200`, token);
    const offerOf = (family: string) => offers.body.items?.find((o) => o.familyName === family && released.body.offerIds.includes(o.id))?.id;
    const first = offerOf(m.accept);
    if (first) {
      const a = await call<{ status: string; familyName: string }>(gateway, 'POST', `/api/host-matching/offers/${first}/accept`, token);
      if (a.status !== 200) throw new Error(`accepting an offer answered ${a.status}: ${JSON.stringify(a.body)}`);
      process.stdout.write(`[demo] the ${a.body.familyName} family accepted (on the phone): ${a.body.status}\n`);
    }
    const second = m.decline && offerOf(m.decline.family);
    if (second && m.decline) {
      const d = await call<{ familyName: string; rematch: { placed: number; unplaced: number } | null }>(gateway, 'POST', `/api/host-matching/offers/${second}/decline`, token, { reason: m.decline.reason });
      if (d.status !== 200) throw new Error(`declining an offer answered ${d.status}: ${JSON.stringify(d.body)}`);
      process.stdout.write(`[demo] the ${d.body.familyName} family declined; automatic re-match: ${d.body.rematch?.placed ?? 0} placed, ${d.body.rematch?.unplaced ?? 0} unplaced\n`);
    }
  }
}
