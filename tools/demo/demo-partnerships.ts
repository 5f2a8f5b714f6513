/**
 * Demo partnerships and how the demo delegations belong to them (idempotent: a partnership is found
 * by partner city; a delegation is PATCHed with its programme fields, a no-op when already set).
 * The established dates carry the year the partnership began; the day is nominal (1 January).
 */
import { Call } from './demo-support';

interface DemoPartnership { partnerCity: string; partnerCountry: string; partnerTimeZone: string; establishedOn: string; programmeAreas: string[]; partnerAdmin?: string }
interface DemoLink { partnerCity: string; direction: 'inbound' | 'outbound'; programmeArea: string; hostTimeZone: string; purpose: string }

/** By organisation admin: its partner city. */
export const DEMO_PARTNERSHIPS: Record<string, DemoPartnership> = {
  // Fuzhou's organisation is on the platform too: Tacoma's delegations of this partnership are shared with it
  'admin@tacoma.example': { partnerCity: 'Fuzhou', partnerCountry: 'CN', partnerTimeZone: 'Asia/Shanghai', establishedOn: '1994-01-01', programmeAreas: ['youth-education', 'arts-culture'], partnerAdmin: 'admin@fuzhou.example' },
  'admin@sandiego.example': { partnerCity: 'Jalalabad', partnerCountry: 'AF', partnerTimeZone: 'Asia/Kabul', establishedOn: '2004-01-01', programmeAreas: ['humanitarian', 'youth-education'] },
};

/** By delegation title: its partnership, direction and programme. */
export const DEMO_LINKS: Record<string, DemoLink> = {
  'Tacoma Youth Symphony to Fuzhou': { partnerCity: 'Fuzhou', direction: 'outbound', programmeArea: 'arts-culture', hostTimeZone: 'Asia/Shanghai', purpose: 'Joint concerts with the Fuzhou Youth Orchestra and school visits' },
  'Fuzhou municipal water engineers visit Tacoma': { partnerCity: 'Fuzhou', direction: 'inbound', programmeArea: 'municipal-technical', hostTimeZone: 'America/Los_Angeles', purpose: 'Water treatment and harbour engineering exchange' },
  'San Diego civic leaders to Jalalabad': { partnerCity: 'Jalalabad', direction: 'outbound', programmeArea: 'humanitarian', hostTimeZone: 'Asia/Kabul', purpose: 'Civic and humanitarian cooperation' },
  'Jalalabad students exchange in San Diego': { partnerCity: 'Jalalabad', direction: 'inbound', programmeArea: 'youth-education', hostTimeZone: 'America/Los_Angeles', purpose: 'Student exchange with San Diego schools' },
};

/**
 * Registers the organisation's demo partnership unless it exists, naming the partner city's organisation when it is on
 * the platform (`partnerOrganisationIdOf` its admin; an existing partnership without it is PATCHed): a delegation may
 * be shared only with that organisation. Answers its id (or undefined when the organisation has none).
 */
export async function seedPartnership(call: Call, gateway: string, admin: string, token: string, partnerOrganisationIdOf: (admin: string) => Promise<string>): Promise<string | undefined> {
  const p = DEMO_PARTNERSHIPS[admin];
  if (!p) return undefined;
  const { partnerAdmin, ...fields } = p;
  const partnerOrganisationId = partnerAdmin ? await partnerOrganisationIdOf(partnerAdmin) : undefined;
  const list = await call<{ items: { id: string; partnerCity: string; partnerOrganisationId: string | null }[] }>(gateway, 'GET', '/api/delegations/partnerships?limit=200', token);
  if (list.status !== 200) throw new Error(`GET /api/delegations/partnerships answered ${list.status}`);
  const found = list.body.items.find((x) => x.partnerCity === p.partnerCity);
  if (found) {
    process.stdout.write(`[demo] exists: partnership with ${p.partnerCity}\n`);
    if (partnerOrganisationId && found.partnerOrganisationId !== partnerOrganisationId) {
      const res = await call(gateway, 'PATCH', `/api/delegations/partnerships/${found.id}`, token, { partnerOrganisationId });
      if (res.status !== 200) throw new Error(`naming ${p.partnerCity}'s organisation on the partnership answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return found.id;
  }
  const res = await call<{ id: string }>(gateway, 'POST', '/api/delegations/partnerships', token, { ...fields, ...(partnerOrganisationId ? { partnerOrganisationId } : {}) });
  if (res.status !== 201) throw new Error(`registering the partnership with ${p.partnerCity} answered ${res.status}: ${JSON.stringify(res.body)}`);
  process.stdout.write(`[demo] registered partnership ${res.body.id} with ${p.partnerCity} (${p.establishedOn.slice(0, 4)})\n`);
  return res.body.id;
}

/** Links a demo delegation to its partnership with its direction and programme (PATCH: no event when nothing changes). */
export async function linkDelegation(call: Call, gateway: string, token: string, delegationId: string, title: string, partnershipId: string | undefined): Promise<void> {
  const link = DEMO_LINKS[title];
  if (!link || !partnershipId) return;
  const { partnerCity, ...fields } = link;
  const res = await call(gateway, 'PATCH', `/api/delegations/${delegationId}`, token, { ...fields, partnershipId });
  if (res.status !== 200) throw new Error(`linking "${title}" to ${partnerCity} answered ${res.status}: ${JSON.stringify(res.body)}`);
  process.stdout.write(`[demo] "${title}": ${link.direction}, ${link.programmeArea}, partnership with ${partnerCity}\n`);
}
