import request from 'supertest';
import { eventually } from '@twinning/testing';
import { Caller, MatrixContext, MatrixSection } from './matrix-types';

const API = '/api/host-matching';
const TACOMA = { latitude: 47.2529, longitude: -122.4443 };
const emergencyContacts = [{ name: 'Wei Chen', relation: 'father', phone: '+1 253 555 0101' }];

/**
 * The guests of the placements delegation (all adults: no vetting or guardian consent involved), each with one job:
 * - `accept.*`, `decline.*`, `withdraw.*`: the offer one caller answers (the host's to the host's family, the staff's to
 *   the other family); the withdraw ones are accepted (hence confirmed) in setup;
 * - `taken`: a confirmed placement with the other family (a host answering another family's offer: 404; staff: 409);
 * - `assign.*`: the guest a caller re-assigns by hand from the other family to the host's family;
 * - `run.*`: placed by the setup's matching run and released as offers; `open`: added after that release, so the
 *   runs under test have a guest to propose and the first release under test an offer to make.
 * Every offer made in setup but the released ones is manual, and manual offers never move in an automatic re-match,
 * so the declines and withdrawals under test cannot disturb the offers the later calls use. Both families have many
 * spare beds, so every re-match places its guest without moving anyone.
 */
const MANUAL = ['accept.admin', 'accept.coordinator', 'accept.host', 'decline.admin', 'decline.coordinator', 'decline.host',
  'withdraw.admin', 'withdraw.coordinator', 'withdraw.host', 'taken', 'assign.admin', 'assign.coordinator'] as const;
const HOSTS_OWN = new Set<string>(['accept.host', 'decline.host', 'withdraw.host']);

const family = (name: string, beds: number, hostUserIds: string[]) => ({
  name, address: `${name} house, Tacoma, WA`, ...TACOMA, bedrooms: beds, beds, pets: [], smoking: false, languages: ['en'], diets: [], interests: [], guestGender: 'any',
  availability: [{ from: '2027-06-01', to: '2027-09-01' }], hostUserIds,
  members: [
    { name: `${name} mother`, dateOfBirth: '1978-05-01', relation: 'parent', gender: 'female' },
    { name: `${name} father`, dateOfBirth: '1977-02-01', relation: 'parent', gender: 'male' },
  ],
});

async function call(c: MatrixContext, method: 'get' | 'post' | 'put', path: string, expected: number, body?: object) {
  let req = request(c.gatewayUrl)[method](path).set('authorization', `Bearer ${c.tokens.admin}`);
  if (body) req = req.send(body);
  const res = await req;
  if (res.status !== expected) throw new Error(`setup: ${method.toUpperCase()} ${path} answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Registers an adult participant and adds them to the delegation as a homestay guest; returns the member id. */
async function guest(c: MatrixContext, delegationId: string, givenName: string): Promise<string> {
  const p = await call(c, 'post', '/api/delegations/participants', 201,
    { givenName, familyName: 'Placement', dateOfBirth: '1985-03-03', gender: 'female', nationality: 'CN', emergencyContacts });
  const m = await call(c, 'post', `/api/delegations/${delegationId}/members`, 201, { participantId: p.id, role: 'delegate', lodgingNeed: 'homestay' });
  return m.id as string;
}

/** Waits until host matching knows `memberIds` as guests with their matching profiles (from the delegations service's events). */
async function known(c: MatrixContext, delegationId: string, memberIds: string[]): Promise<void> {
  await eventually(async () => {
    const res = await request(c.gatewayUrl).get(`${API}/delegations/${delegationId}/guests`).set('authorization', `Bearer ${c.tokens.admin}`);
    if (res.status !== 200) throw new Error(`setup: the guests answered ${res.status} ${JSON.stringify(res.body)}`);
    const ready = new Set((res.body.items as { memberId: string; hasMatchingProfile: boolean }[]).filter((g) => g.hasMatchingProfile).map((g) => g.memberId));
    const waiting = memberIds.filter((m) => !ready.has(m));
    if (waiting.length) throw new Error(`setup: host matching does not know ${waiting.length} guest(s) with a matching profile yet`);
  }, { timeoutMs: 30000, intervalMs: 200 });
}

const f = (c: MatrixContext, key: string) => {
  const v = c.fixtures[`placements.${key}`];
  if (!v) throw new Error(`placements fixture ${key} missing (did the setup run?)`);
  return v;
};
const delegation = (c: MatrixContext) => `${API}/delegations/${f(c, 'delegationId')}`;
/** The offer `<action>.<caller>` for the callers who may act on it, else any offer of organisation A (the call is refused before it is looked at). */
const offerFor = (action: string) => (c: MatrixContext, caller?: Caller) =>
  `${API}/offers/${c.fixtures[`placements.offer.${action}.${caller}`] ?? f(c, `offer.${action}.host`)}/${action}`;

/**
 * Matching and placements (service host-matching), on a delegation of its own. `/delegations/:id/...`: coordinators
 * and admins write, youth managers read, hosts 403, another organisation 404. `/offers`: a host sees and answers only
 * the offers to a family they host (any other 404); staff see all of the organisation's and coordinators and admins
 * answer for a host; another organisation sees none (404, an empty list).
 */
export const placementsMatrix: MatrixSection = {
  name: 'matching and placements',
  setup: async (c) => {
    const put = (key: string, value: string) => (c.fixtures[`placements.${key}`] = value);
    const d = await call(c, 'post', '/api/delegations', 201, { title: 'Matrix placements visit', hostCity: 'Tacoma', startDate: '2027-07-01', endDate: '2027-07-08' });
    put('delegationId', d.id);
    const members: Record<string, string> = {};
    for (const job of [...MANUAL, 'run.1', 'run.2']) members[job] = await guest(c, d.id, `Guest ${job.replace('.', ' ')}`);
    const hosts = await call(c, 'post', `${API}/families`, 201, family('Matrix hosts', 12, [c.fixtures.hostUserId]));
    const other = await call(c, 'post', `${API}/families`, 201, family('Matrix others', 16, []));
    put('hostFamilyId', hosts.id);
    put('otherFamilyId', other.id);
    put('memberId', members['run.1']);
    await known(c, d.id, Object.values(members));
    await call(c, 'put', `${delegation(c)}/matching-settings`, 200, { venueName: 'Tacoma Dome', venue: TACOMA });
    for (const job of MANUAL) {
      const a = await call(c, 'post', `${delegation(c)}/assignments`, 201, { memberId: members[job], familyId: HOSTS_OWN.has(job) ? hosts.id : other.id });
      put(`offer.${job}`, a.offerId);
    }
    for (const job of ['withdraw.admin', 'withdraw.coordinator', 'withdraw.host', 'taken']) {
      const accepted = await call(c, 'post', `${API}/offers/${f(c, `offer.${job}`)}/accept`, 200);
      if (accepted.status !== 'confirmed') throw new Error(`setup: an adult's accepted offer is ${accepted.status}, not confirmed`);
    }
    for (const caller of ['admin', 'coordinator'] as const) put(`assign.${caller}`, members[`assign.${caller}`]);
    const run = await call(c, 'post', `${delegation(c)}/matching-runs`, 201);
    if (run.placed !== 2) throw new Error(`setup: the matching run placed ${run.placed} of the 2 guests without an offer: ${JSON.stringify(run.unplacedGuests)}`);
    put('runId', run.id);
    const released = await call(c, 'post', `${delegation(c)}/offers`, 201, {});
    if (released.offerIds.length !== 2) throw new Error(`setup: releasing the run made ${released.offerIds.length} offers: ${JSON.stringify(released)}`);
    put('offer.run.1', released.offerIds[0]);
    put('offer.run.2', released.offerIds[1]);
    const open = await guest(c, d.id, 'Guest open');
    await known(c, d.id, [open]);
  },
  endpoints: [
    { method: 'get', route: `${API}/delegations/:delegationId/matching-settings`, path: (c) => `${delegation(c)}/matching-settings`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'put', route: `${API}/delegations/:delegationId/matching-settings`, path: (c) => `${delegation(c)}/matching-settings`,
      body: () => ({ venueName: 'Tacoma Dome', venue: TACOMA, offerResponseHours: 72 }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/guests`, path: (c) => `${delegation(c)}/guests`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/matching-runs`, path: (c) => `${delegation(c)}/matching-runs`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/matching-runs/:runId`, path: (c) => `${delegation(c)}/matching-runs/${f(c, 'runId')}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/why-not`, path: (c) => `${delegation(c)}/why-not?memberId=${f(c, 'memberId')}&familyId=${f(c, 'otherFamilyId')}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/delegations/:delegationId/rooming-list`, path: (c) => `${delegation(c)}/rooming-list?format=csv`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 403, otherOrgAdmin: 404 } },
    // each caller moves their own guest from the other family to the host's family (replacing the guest's offer)
    { method: 'post', route: `${API}/delegations/:delegationId/assignments`, path: (c) => `${delegation(c)}/assignments`,
      body: (c, caller) => ({ memberId: c.fixtures[`placements.assign.${caller}`] ?? f(c, 'assign.admin'), familyId: f(c, 'hostFamilyId') }),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    // the guest added after the setup's release is proposed by both runs
    { method: 'post', route: `${API}/delegations/:delegationId/matching-runs`, path: (c) => `${delegation(c)}/matching-runs`,
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    // the admin releases that proposal as an offer; the coordinator's release then finds none open (201, no offers)
    { method: 'post', route: `${API}/delegations/:delegationId/offers`, path: (c) => `${delegation(c)}/offers`, body: () => ({}),
      expect: { admin: 201, coordinator: 201, 'youth-manager': 403, host: 403, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/offers`, path: (c) => `${API}/offers?delegationId=${f(c, 'delegationId')}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 200, otherOrgAdmin: 200 } },
    // an offer to the host's family, then one to another family (the host: 404)
    { method: 'get', route: `${API}/offers/:offerId`, path: (c) => `${API}/offers/${f(c, 'offer.accept.host')}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 200, otherOrgAdmin: 404 } },
    { method: 'get', route: `${API}/offers/:offerId`, path: (c) => `${API}/offers/${f(c, 'offer.taken')}`,
      expect: { admin: 200, coordinator: 200, 'youth-manager': 200, host: 404, otherOrgAdmin: 404 } },
    // each caller who may answers an open offer of their own (the host: to the host's family)
    { method: 'post', route: `${API}/offers/:offerId/accept`, path: offerFor('accept'),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 200, otherOrgAdmin: 404 } },
    // another family's confirmed placement: staff are told it is no longer open (409), the host does not see it (404)
    { method: 'post', route: `${API}/offers/:offerId/accept`, path: (c) => `${API}/offers/${f(c, 'offer.taken')}/accept`,
      expect: { admin: 409, coordinator: 409, 'youth-manager': 403, host: 404, otherOrgAdmin: 404 } },
    { method: 'post', route: `${API}/offers/:offerId/decline`, path: offerFor('decline'), body: () => ({ reason: 'the spare room is being repainted' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 200, otherOrgAdmin: 404 } },
    { method: 'post', route: `${API}/offers/:offerId/withdraw`, path: offerFor('withdraw'), body: () => ({ reason: 'a family emergency' }),
      expect: { admin: 200, coordinator: 200, 'youth-manager': 403, host: 200, otherOrgAdmin: 404 } },
  ],
};
