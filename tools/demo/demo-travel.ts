/**
 * Demo travel logistics (issue #6): the Tacoma Youth Symphony's group flights to Fuzhou (Seattle → Shanghai across the
 * date line, then on to Fuzhou) and home, the Jalalabad students' flights into San Diego (two groups landing 40 minutes
 * apart), hotel rooms for the adults, a pickup plan with a hired coach, and a calendar feed per delegation. Idempotent:
 * a delegation that already has segments is left as it is. Logistics learns delegations, members and placements from
 * the other services' events, so the seed first waits until it knows the delegation.
 */
import { Call, until } from './demo-support';

interface Member { id: string; givenName: string; familyName: string; lodgingNeed: string; minor: boolean }
interface Leg { mode: 'flight'; carrier: string; number: string; from: string; to: string; departureLocal: string; arrivalLocal: string; direction: 'arrival' | 'departure' | 'other' }
interface DemoTravel {
  title: string; admin: string; hotel: { name: string; address: string }; checkIn: string; checkOut: string;
  /** legs by group: `all`, or the given names in the group */
  groups: { who: 'all' | string[]; legs: Leg[] }[];
}

const flight = (carrier: string, number: string, from: string, to: string, departureLocal: string, arrivalLocal: string, direction: Leg['direction']): Leg => ({ mode: 'flight', carrier, number, from, to, departureLocal, arrivalLocal, direction });

export const DEMO_TRAVEL: DemoTravel[] = [
  {
    title: 'Tacoma Youth Symphony to Fuzhou', admin: 'admin@tacoma.example', hotel: { name: 'Shangri-La Hotel Fuzhou', address: '9 Xinquan South Road, Gulou District, Fuzhou' },
    checkIn: '2027-04-10', checkOut: '2027-04-18',
    groups: [{ who: 'all', legs: [
      // across the date line: leaves Seattle on the 8th, lands in Shanghai on the 9th
      flight('Delta', 'DL 281', 'SEA', 'PVG', '2027-04-08T13:10', '2027-04-09T17:20', 'other'),
      flight('Xiamen Airlines', 'MF 8532', 'PVG', 'FOC', '2027-04-10T08:30', '2027-04-10T10:05', 'arrival'),
      flight('Xiamen Airlines', 'MF 8531', 'FOC', 'PVG', '2027-04-18T11:00', '2027-04-18T12:35', 'departure'),
      flight('Delta', 'DL 282', 'PVG', 'SEA', '2027-04-18T19:05', '2027-04-18T15:15', 'other'),
    ] }],
  },
  {
    title: 'Jalalabad students exchange in San Diego', admin: 'admin@sandiego.example', hotel: { name: 'Hotel Circle Inn San Diego', address: '2201 Hotel Circle South, San Diego, CA' },
    checkIn: '2027-07-05', checkOut: '2027-07-26',
    groups: [
      { who: ['Farid', 'Wahid', 'Abdul'], legs: [
        flight('Emirates', 'EK 215', 'DXB', 'LAX', '2027-07-04T08:45', '2027-07-04T13:55', 'other'),
        flight('Alaska Airlines', 'AS 3341', 'LAX', 'SAN', '2027-07-05T09:15', '2027-07-05T10:20', 'arrival'),
      ] },
      { who: ['Zarghona', 'Mariam'], legs: [
        flight('Emirates', 'EK 215', 'DXB', 'LAX', '2027-07-04T08:45', '2027-07-04T13:55', 'other'),
        flight('American Airlines', 'AA 2780', 'LAX', 'SAN', '2027-07-05T09:50', '2027-07-05T11:00', 'arrival'),
      ] },
      { who: 'all', legs: [flight('Emirates', 'EK 216', 'LAX', 'DXB', '2027-07-26T16:40', '2027-07-27T19:35', 'departure')] },
    ],
  },
];

export async function seedTravel(call: Call, gateway: string, tokenOf: (admin: string) => Promise<string>, delegationIds: Record<string, string>): Promise<void> {
  for (const t of DEMO_TRAVEL) {
    const id = delegationIds[t.title];
    if (!id) continue;
    const token = await tokenOf(t.admin);
    const base = `/api/logistics/delegations/${id}`;
    const members = await call<{ items: Member[] }>(gateway, 'GET', `/api/delegations/${id}/members?limit=200`, token);
    if (members.status !== 200) throw new Error(`GET members of "${t.title}" answered ${members.status}`);
    // logistics knows the delegation and every member from the delegations service's events
    await until(`"${t.title}" in logistics`, async () => {
      const s = await call<{ items: unknown[] }>(gateway, 'GET', `${base}/segments`, token);
      if (s.status !== 200) return undefined;
      const nights = await call<{ nights?: { members: unknown[] }[] }>(gateway, 'GET', `${base}/lodging/nights`, token);
      return nights.status === 200 && (nights.body.nights?.[0]?.members.length ?? 0) >= members.body.items.length ? s.body : undefined;
    });
    const existing = await call<{ items: unknown[] }>(gateway, 'GET', `${base}/segments`, token);
    if (existing.body.items.length) {
      process.stdout.write(`[demo] exists: travel of "${t.title}"\n`);
      continue;
    }
    for (const g of t.groups) {
      const memberIds = members.body.items.filter((m) => g.who === 'all' || g.who.includes(m.givenName)).map((m) => m.id);
      for (const leg of g.legs) {
        const res = await call<{ id: string }>(gateway, 'POST', `${base}/segments`, token, { ...leg, memberIds, status: 'booked', bookingReference: `TW${leg.number.replace(/\D/g, '')}` });
        if (res.status !== 201) throw new Error(`segment ${leg.number} of "${t.title}" answered ${res.status}: ${JSON.stringify(res.body)}`);
        process.stdout.write(`[demo] "${t.title}": ${leg.carrier} ${leg.number} ${leg.from} ${leg.departureLocal} → ${leg.to} ${leg.arrivalLocal} (${memberIds.length} travellers)\n`);
      }
    }
    for (const m of members.body.items.filter((x) => x.lodgingNeed === 'hotel')) {
      const res = await call(gateway, 'POST', `${base}/hotel-stays`, token, { memberId: m.id, hotel: t.hotel.name, address: t.hotel.address, checkIn: t.checkIn, checkOut: t.checkOut });
      if (res.status !== 201) throw new Error(`hotel stay of ${m.givenName} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    const settings = await call(gateway, 'PUT', `${base}/pickups/settings`, token, { hotelName: t.hotel.name, hotelAddress: t.hotel.address, minorsRule: 'two-adults' });
    if (settings.status !== 200) throw new Error(`pickup settings of "${t.title}" answered ${settings.status}: ${JSON.stringify(settings.body)}`);
    const plan = await call<{ runs?: { id: string }[] }>(gateway, 'POST', `${base}/pickups/plan`, token);
    if (plan.status !== 200) throw new Error(`pickup plan of "${t.title}" answered ${plan.status}: ${JSON.stringify(plan.body)}`);
    const runs = await call<{ runs: { id: string }[] }>(gateway, 'GET', `${base}/pickups/runs`, token);
    if (runs.status !== 200) throw new Error(`GET pickup runs of "${t.title}" answered ${runs.status}`);
    const list = runs.body.runs;
    for (const r of list) {
      const res = await call(gateway, 'PATCH', `${base}/pickups/runs/${r.id}`, token, { driverKind: 'hired-service', driverName: t.title.includes('Fuzhou') ? 'Fuzhou Strait Coaches' : 'Coronado Shuttle Co.', seats: 20 });
      if (res.status !== 200) throw new Error(`assigning a driver answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    process.stdout.write(`[demo] "${t.title}": ${list.length} airport pickup run(s) with a hired coach; hotel rooms for the adults\n`);
    const feed = await call<{ url: string }>(gateway, 'POST', `${base}/calendar-feeds`, token, { kind: 'delegation' });
    if (feed.status !== 201) throw new Error(`calendar feed of "${t.title}" answered ${feed.status}: ${JSON.stringify(feed.body)}`);
    process.stdout.write(`[demo] "${t.title}": calendar feed ${feed.body.url.startsWith('http') ? feed.body.url : `${gateway}${feed.body.url}`}\n`);
  }
}
