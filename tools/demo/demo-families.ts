/**
 * Demo host families (issue #5): in Fuzhou for the Tacoma students (as the Fuzhou admin) and in San
 * Diego for the Jalalabad students (as the San Diego admin), with their households, background
 * checks and home visits. Idempotent: a family is found by name; its vetting records are added only
 * when the family is created. Check dates are relative to the day of seeding, so the demo shows a
 * valid gate, a check expiring within 30 days and families that are not (yet) eligible.
 */
import { Call } from './demo-support';
import { DEMO_PASSWORD_PEOPLE } from './demo-people';

interface DemoMember { name: string; dateOfBirth: string; relation: string; gender: 'female' | 'male' }
interface DemoFamily {
  name: string; address: string; latitude: number; longitude: number; bedrooms: number; beds: number; /** pet and diet codes of the vocabulary (libs/contracts/src/vocabulary) */
  pets: string[]; smoking: boolean;
  languages: string[]; diets: string[]; interests: string[]; guestAgeMin: number; guestAgeMax: number; guestGender: 'female' | 'male' | 'any';
  availability: { from: string; to: string }[]; timesHosted: number; members: DemoMember[];
  /** Background checks by member name: days from today until expiry (checked a year before). */
  checks: Record<string, number>;
  homeVisit?: { visitedBy: string; daysAgo: number };
  /** After registration, this demo person (a coordinator or host, by email) adds a member: the household then waits for a youth manager's review. */
  householdChange?: { by: string; add: DemoMember };
}

const day = (offset: number): string => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

/** By organisation admin: its host families. */
export const DEMO_FAMILIES: Record<string, DemoFamily[]> = {
  'admin@fuzhou.example': [
    {
      name: 'Lin', address: '18 Wusi Road, Gulou District, Fuzhou', latitude: 26.0889, longitude: 119.3031, bedrooms: 2, beds: 2, pets: ['cat'], smoking: false,
      languages: ['zh-CN', 'en'], diets: [], interests: ['music', 'violin', 'calligraphy'], guestAgeMin: 14, guestAgeMax: 18, guestGender: 'any',
      availability: [{ from: '2027-04-08', to: '2027-04-20' }], timesHosted: 3,
      members: [
        { name: 'Lin Wei', dateOfBirth: '1978-05-12', relation: 'parent', gender: 'male' },
        { name: 'Chen Hong', dateOfBirth: '1980-09-03', relation: 'parent', gender: 'female' },
        { name: 'Lin Xiao', dateOfBirth: '2010-02-21', relation: 'child', gender: 'female' },
      ],
      checks: { 'Lin Wei': 300, 'Chen Hong': 300 }, homeVisit: { visitedBy: 'Zheng Yu', daysAgo: 40 },
    },
    {
      name: 'Wang', address: '6 Pushang Avenue, Cangshan District, Fuzhou', latitude: 26.0377, longitude: 119.2734, bedrooms: 1, beds: 2, pets: [], smoking: false,
      languages: ['zh-CN', 'en'], diets: ['vegetarian'], interests: ['piano', 'tea culture', 'hiking'], guestAgeMin: 15, guestAgeMax: 18, guestGender: 'female',
      availability: [{ from: '2027-04-01', to: '2027-04-30' }], timesHosted: 1,
      members: [
        { name: 'Wang Fang', dateOfBirth: '1975-11-30', relation: 'parent', gender: 'female' },
        { name: 'Wang Jun', dateOfBirth: '1973-04-02', relation: 'parent', gender: 'male' },
        { name: 'Zhao Li', dateOfBirth: '1950-07-19', relation: 'grandparent', gender: 'female' },
      ],
      // Wang Jun's check expires within 30 days: the vetting job sends family.vetting-expiring
      checks: { 'Wang Fang': 250, 'Wang Jun': 20, 'Zhao Li': 250 }, homeVisit: { visitedBy: 'Zheng Yu', daysAgo: 25 },
    },
    {
      name: 'Huang', address: '120 Hualin Road, Gulou District, Fuzhou', latitude: 26.1034, longitude: 119.3000, bedrooms: 1, beds: 1, pets: ['fish'], smoking: false,
      languages: ['zh-CN'], diets: [], interests: ['table tennis', 'painting'], guestAgeMin: 12, guestAgeMax: 17, guestGender: 'male',
      availability: [{ from: '2027-04-05', to: '2027-04-19' }], timesHosted: 0,
      members: [
        { name: 'Huang Min', dateOfBirth: '1982-01-15', relation: 'parent', gender: 'female' },
        // already 18 and no check yet: not eligible for minors until one is recorded
        { name: 'Huang Tao', dateOfBirth: '2007-08-08', relation: 'child', gender: 'male' },
      ],
      checks: { 'Huang Min': 330 }, homeVisit: { visitedBy: 'Zheng Yu', daysAgo: 10 },
    },
  ],
  'admin@sandiego.example': [
    {
      name: 'Garcia', address: '3900 Utah St, North Park, San Diego, CA', latitude: 32.7479, longitude: -117.1294, bedrooms: 2, beds: 2, pets: ['dog'], smoking: false,
      languages: ['en', 'es'], diets: ['halal'], interests: ['soccer', 'surfing', 'cooking'], guestAgeMin: 14, guestAgeMax: 19, guestGender: 'any',
      availability: [{ from: '2027-07-01', to: '2027-07-31' }], timesHosted: 4,
      members: [
        { name: 'Maria Garcia', dateOfBirth: '1976-03-08', relation: 'parent', gender: 'female' },
        { name: 'Jose Garcia', dateOfBirth: '1974-12-01', relation: 'parent', gender: 'male' },
        { name: 'Sofia Garcia', dateOfBirth: '2011-06-14', relation: 'child', gender: 'female' },
      ],
      checks: { 'Maria Garcia': 280, 'Jose Garcia': 280 }, homeVisit: { visitedBy: 'Dana Brooks', daysAgo: 60 },
    },
    {
      name: 'Patel', address: '4400 Genesee Ave, Clairemont, San Diego, CA', latitude: 32.8216, longitude: -117.1818, bedrooms: 1, beds: 1, pets: [], smoking: false,
      languages: ['en', 'gu', 'ur'], diets: ['vegetarian', 'halal'], interests: ['cricket', 'science', 'chess'], guestAgeMin: 16, guestAgeMax: 25, guestGender: 'male',
      availability: [{ from: '2027-07-03', to: '2027-07-28' }], timesHosted: 0,
      members: [
        { name: 'Raj Patel', dateOfBirth: '1970-10-10', relation: 'parent', gender: 'male' },
        { name: 'Anita Patel', dateOfBirth: '1972-02-02', relation: 'parent', gender: 'female' },
      ],
      // no home visit yet: the gate lists HOME_VISIT_MISSING
      checks: { 'Raj Patel': 340, 'Anita Patel': 340 },
      // the coordinator adds Raj's brother after registration: HOUSEHOLD_REVIEW_PENDING until a youth manager confirms
      householdChange: { by: 'coordinator@sandiego.example', add: { name: 'Vikram Patel', dateOfBirth: '1968-04-04', relation: 'uncle', gender: 'male' } },
    },
  ],
};

/** Registers the organisation's demo host families that do not exist yet (by name), with their checks and home visit. */
export async function seedFamilies(call: Call, gateway: string, admin: string, token: string, hostsOf: (family: string) => string[] = () => []): Promise<void> {
  for (const f of DEMO_FAMILIES[admin] ?? []) {
    const existing = await call<{ items: { id: string; name: string; hostUserIds: string[] }[] }>(gateway, 'GET', `/api/host-matching/families?q=${encodeURIComponent(f.name)}`, token);
    if (existing.status !== 200) throw new Error(`GET /api/host-matching/families answered ${existing.status}`);
    const found = existing.body.items.find((x) => x.name === f.name);
    const hostUserIds = hostsOf(f.name);
    if (found) {
      if (hostUserIds.some((h) => !found.hostUserIds.includes(h))) {
        const res = await call(gateway, 'PATCH', `/api/host-matching/families/${found.id}`, token, { hostUserIds: [...new Set([...found.hostUserIds, ...hostUserIds])] });
        if (res.status !== 200) throw new Error(`linking the hosts of ${f.name} answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
      process.stdout.write(`[demo] exists: host family ${f.name}\n`);
      continue;
    }
    const { checks, homeVisit, householdChange, ...profile } = f;
    const created = await call<{ id: string; members: { id: string; name: string }[] }>(gateway, 'POST', '/api/host-matching/families', token, { ...profile, hostUserIds });
    if (created.status !== 201) throw new Error(`registering host family "${f.name}" answered ${created.status}: ${JSON.stringify(created.body)}`);
    const base = `/api/host-matching/families/${created.body.id}`;
    for (const [name, expiresIn] of Object.entries(checks)) {
      const memberId = created.body.members.find((m) => m.name === name)?.id;
      const res = await call(gateway, 'POST', `${base}/background-checks`, token, { memberId, result: 'clear', checkedOn: day(expiresIn - 365), expiresOn: day(expiresIn) });
      if (res.status !== 201) throw new Error(`background check of ${name} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    if (homeVisit) {
      const res = await call(gateway, 'POST', `${base}/home-visits`, token, { visitedBy: homeVisit.visitedBy, visitedOn: day(-homeVisit.daysAgo), present: f.members.filter((m) => m.relation !== 'child').map((m) => m.name) });
      if (res.status !== 201) throw new Error(`home visit of "${f.name}" answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    if (householdChange) await changeHousehold(call, gateway, base, created.body.members, householdChange);
    const vetting = await call<{ eligibleForMinors: boolean; reasons: { code: string }[] }>(gateway, 'GET', `${base}/vetting`, token);
    process.stdout.write(`[demo] host family ${created.body.id}: the ${f.name} family (eligible for minors: ${vetting.body.eligibleForMinors}${vetting.body.reasons?.length ? `; ${vetting.body.reasons.map((r) => r.code).join(', ')}` : ''})\n`);
  }
}

/** The demo person adds a member to the household (skipped when they have no account, e.g. without the SMTP sink). */
async function changeHousehold(call: Call, gateway: string, base: string, members: { id: string }[], change: NonNullable<DemoFamily['householdChange']>): Promise<void> {
  const session = await call<{ accessToken: string }>(gateway, 'POST', '/api/identity/login', null, { email: change.by, password: DEMO_PASSWORD_PEOPLE });
  if (session.status !== 200) {
    process.stdout.write(`[demo] skipped: ${change.by} cannot sign in, so no household change awaits review\n`);
    return;
  }
  const current = await call<{ members: { id: string; name: string; dateOfBirth: string; relation: string; gender: string }[] }>(gateway, 'GET', base, session.body.accessToken);
  const kept = current.body.members.filter((m) => members.some((x) => x.id === m.id));
  const res = await call(gateway, 'PATCH', base, session.body.accessToken, { members: [...kept, change.add] });
  if (res.status !== 200) throw new Error(`${change.by} adding ${change.add.name} answered ${res.status}: ${JSON.stringify(res.body)}`);
}
