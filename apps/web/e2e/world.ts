/**
 * Data a browser test builds for itself through the gateway (beside the demo data, never changing it), so a scenario
 * does not depend on what another test or the demo did: hosts invited by email and accepting from the link in the SMTP
 * sink, their vetted families, a delegation with a guest, matching and released offers.
 */
import { api, apiSession, linkFromEmail, PASSWORD, until } from './browser';

const SAN_DIEGO_ADMIN = 'admin@sandiego.example';

export interface HostWorld {
  run: string;
  delegationId: string;
  delegationTitle: string;
  guestName: string;
  /** family name -> the host's email */
  hosts: Record<string, string>;
  offer: { id: string; familyName: string };
}

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function must<T>(what: string, p: Promise<{ status: number; body: T }>, ok: number[] = [200, 201]): Promise<T> {
  const r = await p;
  if (!ok.includes(r.status)) throw new Error(`${what} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Invites a host into the admin's organisation and accepts from the email, as the invitee would; answers the user id. */
async function inviteHost(adminToken: string, organisationId: string, email: string, name: string): Promise<string> {
  await must(`inviting ${email}`, api(adminToken, 'POST', `/api/identity/organisations/${organisationId}/invitations`, { email, name, roles: ['host'], language: 'en' }));
  const link = await linkFromEmail(email);
  const token = decodeURIComponent(new URL(link).searchParams.get('token') ?? '');
  const accepted = await must<{ userId: string }>(`accepting ${email}'s invitation`, api('', 'POST', '/api/identity/invitations/accept', { token, name, password: PASSWORD, language: 'en' }));
  return accepted.userId;
}

/** A run of a scenario: a unique tag, a random week (somewhere in 2028-2030) and a random venue in San Diego. */
export interface Run {
  run: string;
  date: (offsetDays: number) => string;
  venue: { latitude: number; longitude: number };
}

export function newRun(): Run {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const start = new Date(Date.UTC(2028, 0, 1) + Math.floor(Math.random() * 1000) * 86_400_000);
  const date = (offset: number) => new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  return { run, date, venue: { latitude: 32.62 + Math.random() * 0.3, longitude: -117.2 + Math.random() * 0.25 } };
}

/**
 * Two vetted one-bed San Diego families within 1 km of the run's venue, available around its week, each with a host
 * account (invited by email, accepted from the link in the sink); answers family name -> the host's email.
 */
export async function twoHostFamilies(r: Run, guestAges: { min: number; max: number } = { min: 16, max: 30 }): Promise<Record<string, string>> {
  const admin = await apiSession(SAN_DIEGO_ADMIN);
  const families = [
    { name: `Rivera ${r.run}`, host: `ana.rivera.${r.run}@sandiego.example`, hostName: 'Ana Rivera', partner: 'Luis Rivera', lat: r.venue.latitude + 0.002, lng: r.venue.longitude },
    { name: `Okoye ${r.run}`, host: `grace.okoye.${r.run}@sandiego.example`, hostName: 'Grace Okoye', partner: 'Chidi Okoye', lat: r.venue.latitude, lng: r.venue.longitude + 0.003 },
  ];
  const hosts: Record<string, string> = {};
  for (const f of families) {
    const userId = await inviteHost(admin.token, admin.organisationId, f.host, f.hostName);
    const created = await must<{ id: string; members: { id: string; name: string }[] }>(`registering ${f.name}`, api(admin.token, 'POST', '/api/host-matching/families', {
      name: f.name, address: 'San Diego, CA', latitude: f.lat, longitude: f.lng, bedrooms: 1, beds: 1, pets: [], smoking: false,
      languages: ['en'], diets: [], interests: ['soccer'], guestAgeMin: guestAges.min, guestAgeMax: guestAges.max, guestGender: 'any',
      availability: [{ from: r.date(-2), to: r.date(9) }], timesHosted: 0, hostUserIds: [userId],
      members: [
        { name: f.hostName, dateOfBirth: '1980-03-03', relation: 'parent', gender: 'female' },
        { name: f.partner, dateOfBirth: '1979-04-04', relation: 'parent', gender: 'male' },
      ],
    }));
    const base = `/api/host-matching/families/${created.id}`;
    for (const m of created.members) {
      await must(`background check of ${m.name}`, api(admin.token, 'POST', `${base}/background-checks`, { memberId: m.id, result: 'clear', checkedOn: day(-30), expiresOn: day(335) }));
    }
    await must(`home visit of ${f.name}`, api(admin.token, 'POST', `${base}/home-visits`, { visitedBy: 'Dana Brooks', visitedOn: day(-7), present: [f.hostName, f.partner] }));
    hosts[f.name] = f.host;
  }
  return hosts;
}

/** Waits until host matching knows the delegation's homestay guests (from the delegations service's events). */
export async function guestsKnown(token: string, delegationId: string, count: number): Promise<void> {
  await until(`${count} guests of the delegation in host matching`, async () => {
    const g = await api<{ items?: { hasMatchingProfile: boolean }[] }>(token, 'GET', `/api/host-matching/delegations/${delegationId}/guests`);
    return g.status === 200 && g.body.items?.length === count && g.body.items.every((x) => x.hasMatchingProfile) ? true : undefined;
  });
}

/**
 * The families of twoHostFamilies and a delegation from Jalalabad with one adult student; matching is run and the
 * offer released to one of the families. After a decline, the automatic re-match can only offer the guest to the
 * other family: the run's week and venue are random, so families of earlier runs on the same system are neither
 * free nor near (matching within 1 km).
 */
export async function twoFamiliesOneGuest(): Promise<HostWorld> {
  const r = newRun();
  const { run, date, venue } = r;
  const hosts = await twoHostFamilies(r);
  const admin = await apiSession(SAN_DIEGO_ADMIN);

  const partnerships = await must<{ items: { id: string; partnerCity: string }[] }>('partnerships', api(admin.token, 'GET', '/api/delegations/partnerships?limit=200'));
  const partnershipId = partnerships.items.find((p) => p.partnerCity === 'Jalalabad')?.id;
  const delegationTitle = `Jalalabad football coaches ${run}`;
  const delegation = await must<{ id: string }>('creating the delegation', api(admin.token, 'POST', '/api/delegations', { title: delegationTitle, hostCity: 'San Diego', startDate: date(0), endDate: date(7) }));
  await must('linking the delegation', api(admin.token, 'PATCH', `/api/delegations/${delegation.id}`, {
    partnershipId, direction: 'inbound', programmeArea: 'youth-education', hostTimeZone: 'America/Los_Angeles', purpose: 'Coaching exchange',
  }));
  const guest = await must<{ id: string }>('registering the guest', api(admin.token, 'POST', '/api/delegations/participants', {
    givenName: 'Samir', familyName: `Hotak ${run}`, dateOfBirth: '2006-05-05', gender: 'male', languages: ['ps', 'en'], nationality: 'AF',
    emergencyContacts: [{ name: 'Nadia Hotak', relation: 'mother', phone: '+93 70 555 0199' }],
  }));
  await must('adding the guest', api(admin.token, 'POST', `/api/delegations/${delegation.id}/members`, { participantId: guest.id, role: 'student', lodgingNeed: 'homestay' }));

  const base = `/api/host-matching/delegations/${delegation.id}`;
  await guestsKnown(admin.token, delegation.id, 1);
  await must('matching settings', api(admin.token, 'PUT', `${base}/matching-settings`, { venueName: 'Coaching clinic', venue, maxDistanceKm: 1 }));
  const matched = await must<{ placed: number }>('the matching run', api(admin.token, 'POST', `${base}/matching-runs`));
  if (matched.placed !== 1) throw new Error(`the matching run placed ${matched.placed} guests, expected 1`);
  const released = await must<{ offerIds: string[] }>('releasing the offers', api(admin.token, 'POST', `${base}/offers`, {}));
  const offer = await must<{ id: string; familyName: string }>('the offer', api(admin.token, 'GET', `/api/host-matching/offers/${released.offerIds[0]}`));
  return { run, delegationId: delegation.id, delegationTitle, guestName: `Samir Hotak ${run}`, hosts, offer: { id: offer.id, familyName: offer.familyName } };
}
