/**
 * Loads the demo data through the public API (the gateway), signed in as each organisation's
 * admin, so every event flows through the real pipeline. Idempotent: what exists (by title) is kept.
 * The organisations and their admins are bootstrapped before (tools/scripts/run-local.sh).
 * Usage: node dist/tools/demo/seed-demo.js [gatewayUrl]   (DEMO_ADMIN_PASSWORD, default twinning-demo-admin)
 */
import { DEMO_FAMILIES, seedFamilies } from './demo-families';
import { seedParticipants } from './demo-participants';
import { DEMO_PASSWORD_PEOPLE, hostsOf, seedPeople } from './demo-people';
import { seedPlacements } from './demo-placements';
import { seedTravel } from './demo-travel';
import { DEMO_WELFARE, seedWelfare } from './demo-welfare';
import { linkDelegation, seedPartnership } from './demo-partnerships';

interface DemoActivity { title: string; venue: string; address: string; startsLocal: string; endsLocal: string }
interface DemoDelegation { title: string; hostCity: string; startDate: string; endDate: string; shareWith?: string; itinerary?: { timeZone: string; activities: DemoActivity[] } }
interface Session { token: string; organisationId: string }

const PASSWORD = process.env.DEMO_ADMIN_PASSWORD ?? 'twinning-demo-admin';

const DEMO: { admin: string; delegations: DemoDelegation[] }[] = [
  {
    // Tacoma, Washington and Fuzhou, Fujian: sister cities since 1994
    admin: 'admin@tacoma.example',
    delegations: [
      { title: 'Tacoma Youth Symphony to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18', shareWith: 'admin@fuzhou.example',
        // host-city wall clock in Fuzhou (Asia/Shanghai, UTC+8, no daylight saving)
        itinerary: { timeZone: 'Asia/Shanghai', activities: [
          { title: 'Welcome dinner', venue: 'Delegation hotel, banquet hall', address: 'Gulou District, Fuzhou', startsLocal: '2027-04-10T18:30', endsLocal: '2027-04-10T21:00' },
          { title: 'Rehearsal', venue: 'Fuzhou Strait Culture and Art Centre', address: 'Cangshan District, Fuzhou', startsLocal: '2027-04-12T09:30', endsLocal: '2027-04-12T12:30' },
          { title: 'Joint concert with the Fuzhou Youth Orchestra', venue: 'Fuzhou Strait Culture and Art Centre, concert hall', address: 'Cangshan District, Fuzhou', startsLocal: '2027-04-14T19:30', endsLocal: '2027-04-14T21:30' },
          { title: 'School visit', venue: 'Fuzhou No. 1 Middle School', address: 'Gulou District, Fuzhou', startsLocal: '2027-04-15T09:00', endsLocal: '2027-04-15T12:00' },
        ] } },
      { title: 'Fuzhou municipal water engineers visit Tacoma', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-07', shareWith: 'admin@fuzhou.example' },
    ],
  },
  {
    // San Diego and Jalalabad: partners since 2004
    admin: 'admin@sandiego.example',
    delegations: [
      { title: 'San Diego civic leaders to Jalalabad', hostCity: 'Jalalabad', startDate: '2027-09-14', endDate: '2027-09-21' },
      { title: 'Jalalabad students exchange in San Diego', hostCity: 'San Diego', startDate: '2027-07-05', endDate: '2027-07-26' },
    ],
  },
];

async function call<T>(gateway: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${gateway}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-correlation-id': `demo-seed-${Date.now()}`, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function login(gateway: string, email: string): Promise<Session> {
  const res = await call<{ accessToken: string; organisationId: string }>(gateway, 'POST', '/api/identity/login', null, { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login as ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, organisationId: res.body.organisationId };
}

/** Adds the activities the itinerary does not have yet (by title), in the host city's zone. */
async function seedItinerary(gateway: string, token: string, delegationId: string, title: string, itinerary: NonNullable<DemoDelegation['itinerary']>): Promise<void> {
  const path = `/api/delegations/${delegationId}/itinerary`;
  const current = await call<{ items: { title: string }[] }>(gateway, 'GET', path, token);
  if (current.status !== 200) throw new Error(`GET ${path} answered ${current.status}`);
  for (const a of itinerary.activities) {
    if (current.body.items.some((x) => x.title === a.title)) continue;
    const res = await call(gateway, 'POST', path, token, { ...a, timeZone: itinerary.timeZone });
    if (res.status !== 201) throw new Error(`adding "${a.title}" to "${title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
    process.stdout.write(`[demo] itinerary of "${title}": ${a.title} (${a.startsLocal} ${itinerary.timeZone})\n`);
  }
}

async function main(): Promise<void> {
  const gateway = (process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const delegationIds: Record<string, string> = {};
  // coordinators, youth managers and hosts, invited by email and accepting from the email in the local SMTP sink
  const people: Record<string, Record<string, string>> = {};
  for (const admin of ['admin@tacoma.example', 'admin@sandiego.example', 'admin@fuzhou.example']) {
    const me = await login(gateway, admin);
    people[admin] = await seedPeople(call, gateway, admin, me.token, me.organisationId);
  }
  for (const org of DEMO) {
    const me = await login(gateway, org.admin);
    const partnershipId = await seedPartnership(call, gateway, org.admin, me.token, async (partnerAdmin) => (await login(gateway, partnerAdmin)).organisationId);
    const list = await call<{ items: { id: string; title: string }[] }>(gateway, 'GET', '/api/delegations?limit=200', me.token);
    if (list.status !== 200) throw new Error(`GET /api/delegations answered ${list.status}`);
    for (const d of org.delegations) {
      const { shareWith, itinerary, ...body } = d;
      let id = list.body.items.find((x) => x.title === d.title)?.id;
      if (id) {
        process.stdout.write(`[demo] exists: ${d.title}\n`);
      } else {
        const res = await call<{ id: string }>(gateway, 'POST', '/api/delegations', me.token, body);
        if (res.status !== 201) throw new Error(`creating "${d.title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
        id = res.body.id;
        process.stdout.write(`[demo] created delegation ${id}: ${d.title}\n`);
      }
      delegationIds[d.title] = id;
      await linkDelegation(call, gateway, me.token, id, d.title, partnershipId);
      if (itinerary) await seedItinerary(gateway, me.token, id, d.title, itinerary);
      await seedParticipants(call, gateway, me.token, id, d.title);
      if (shareWith) {
        const partner = await login(gateway, shareWith);
        const shared = await call(gateway, 'POST', `/api/delegations/${id}/shares`, me.token, { organisationId: partner.organisationId });
        if (shared.status !== 201) throw new Error(`sharing "${d.title}" answered ${shared.status}: ${JSON.stringify(shared.body)}`);
        process.stdout.write(`[demo] shared "${d.title}" with ${shareWith}'s organisation\n`);
      }
    }
  }
  // host families: in Fuzhou for the Tacoma students, in San Diego for the Jalalabad students
  for (const admin of Object.keys(DEMO_FAMILIES)) await seedFamilies(call, gateway, admin, (await login(gateway, admin)).token, (family) => hostsOf(admin, family, people[admin] ?? {}));
  // matching, offers, an acceptance and a decline with its automatic re-match
  await seedPlacements(call, gateway, async (admin) => (await login(gateway, admin)).token, delegationIds);
  // flights (one across the date line), hotel rooms, airport pickups, a calendar feed per delegation
  await seedTravel(call, gateway, async (admin) => (await login(gateway, admin)).token, delegationIds);
  // Tacoma's coordinator mistypes their password once: the admin sees the failed sign-in in the audit trail
  const mistyped = await call(gateway, 'POST', '/api/identity/login', null, { email: 'coordinator@tacoma.example', password: 'twinning-demo-typo' });
  if (mistyped.status === 401) process.stdout.write('[demo] a failed sign-in to coordinator@tacoma.example (in the Tacoma audit trail)\n');
  // pre-departure check-ins and an incident, recorded by Tacoma's youth manager (the admin when the sink is off)
  for (const title of Object.keys(DEMO_WELFARE)) {
    if (!delegationIds[title]) continue;
    const youth = await call<{ accessToken: string }>(gateway, 'POST', '/api/identity/login', null, { email: 'youth@tacoma.example', password: DEMO_PASSWORD_PEOPLE });
    const token = youth.status === 200 ? youth.body.accessToken : (await login(gateway, 'admin@tacoma.example')).token;
    await seedWelfare(call, gateway, token, delegationIds[title], title);
  }
}

main().catch((e) => {
  process.stderr.write(`[demo] seeding failed: ${(e as Error).message}\n`);
  process.exit(1);
});
