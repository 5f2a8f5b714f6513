/**
 * Airport pickup planning (issue #6, item 3), pure.
 *
 * Input: the arrival flights of a delegation's members (one per member: the last-landing booked or requested arrival
 * flight, see `arrivalsOf`), the settings (window, buffer, seats, luggage). Output: runs per airport with their members,
 * meeting time (last landing in the run + buffer) and each member's wait (meeting time − own landing).
 *
 * Algorithm, per airport: sort the arrivals by landing time (ties by member id: deterministic), then a dynamic
 * programme over prefixes: best[j] = the best plan of the first j arrivals, as the lexicographic pair (number of runs,
 * total waiting in ms), taking as the last run every feasible block i..j−1 of consecutive arrivals (landings within
 * `windowMinutes` of the first of the block, at most `seats` people, at most `luggage` bags). Ties keep the first block
 * found (the shortest last block), so the result is deterministic. O(n²) per airport.
 *
 * Exactness: among plans whose runs are blocks of consecutive arrivals the DP is exact for (runs, then waiting). When
 * every member carries the same number of bags, some optimal plan is always of that form (an exchange argument: the
 * window and a head-count capacity are both satisfied by moving the earliest lander of a later run into an earlier one
 * and vice versa), so the DP is exact for the number of runs, then for the total wait. With mixed bag counts the luggage
 * limit is a bin-packing constraint and the DP is a heuristic (it can miss a plan pairing non-neighbours by bags).
 * A member whose bags alone exceed the luggage room still gets a run of their own, reported as over capacity.
 */

export interface Arrival {
  memberId: string;
  segmentId: string;
  /** IATA code of the destination airport */
  airport: string;
  landsAt: Date;
  /** IANA zone of the airport (the segment's arrival zone) */
  timeZone: string;
  bags: number;
}

export interface PlanSettings {
  windowMinutes: number;
  bufferMinutes: number;
  seats: number;
  luggage: number;
}

export interface PlannedMember {
  memberId: string;
  segmentId: string;
  landsAt: Date;
  bags: number;
  waitMinutes: number;
}

export interface PlannedRun {
  /** airport + sorted member ids: a run that keeps its members keeps its id across re-plans */
  planKey: string;
  airport: string;
  timeZone: string;
  meetingAt: Date;
  members: PlannedMember[];
  bags: number;
  maxWaitMinutes: number;
  /** one member whose luggage alone is over the vehicle's room */
  overCapacity: boolean;
}

export interface Plan {
  runs: PlannedRun[];
  totalWaitMinutes: number;
}

const MINUTE = 60_000;

export function planKeyOf(airport: string, memberIds: string[]): string {
  return `${airport}:${[...memberIds].sort().join(',')}`;
}

/** Groups the arrivals into runs (see the file comment). Runs come ordered by meeting time, then airport. */
export function planPickups(arrivals: Arrival[], s: PlanSettings): Plan {
  const byAirport = new Map<string, Arrival[]>();
  for (const a of arrivals) byAirport.set(a.airport, [...(byAirport.get(a.airport) ?? []), a]);
  const runs: PlannedRun[] = [];
  for (const airport of [...byAirport.keys()].sort()) runs.push(...planAirport(byAirport.get(airport)!, s));
  runs.sort((a, b) => a.meetingAt.getTime() - b.meetingAt.getTime() || a.airport.localeCompare(b.airport) || a.planKey.localeCompare(b.planKey));
  return { runs, totalWaitMinutes: runs.reduce((t, r) => t + r.members.reduce((w, m) => w + m.waitMinutes, 0), 0) };
}

function planAirport(list: Arrival[], s: PlanSettings): PlannedRun[] {
  const a = [...list].sort((x, y) => x.landsAt.getTime() - y.landsAt.getTime() || x.memberId.localeCompare(y.memberId));
  const n = a.length;
  const t = a.map((x) => x.landsAt.getTime());
  const windowMs = s.windowMinutes * MINUTE;
  const runs = new Array<number>(n + 1).fill(Infinity);
  const wait = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  runs[0] = 0;
  wait[0] = 0;
  for (let j = 1; j <= n; j++) {
    // the last run is a[i..j-1]; grow it backwards from a[j-1] while it stays feasible
    let bags = 0;
    let blockWait = 0;
    for (let i = j - 1; i >= 0; i--) {
      const size = j - i;
      bags += a[i].bags;
      const single = size === 1;
      if (!single && (size > s.seats || bags > s.luggage || t[j - 1] - t[i] > windowMs)) break;
      blockWait += t[j - 1] - t[i];
      if (!Number.isFinite(runs[i])) continue;
      const r = runs[i] + 1;
      const w = wait[i] + blockWait;
      if (r < runs[j] || (r === runs[j] && w < wait[j])) {
        runs[j] = r;
        wait[j] = w;
        from[j] = i;
      }
    }
  }
  const out: PlannedRun[] = [];
  for (let j = n; j > 0; j = from[j]) {
    const block = a.slice(from[j], j);
    const last = block[block.length - 1];
    const meetingAt = new Date(last.landsAt.getTime() + s.bufferMinutes * MINUTE);
    const members = block.map((m) => ({ memberId: m.memberId, segmentId: m.segmentId, landsAt: m.landsAt, bags: m.bags, waitMinutes: (meetingAt.getTime() - m.landsAt.getTime()) / MINUTE }));
    const bags = block.reduce((b, m) => b + m.bags, 0);
    out.unshift({
      planKey: planKeyOf(last.airport, block.map((m) => m.memberId)), airport: last.airport, timeZone: last.timeZone, meetingAt, members, bags,
      maxWaitMinutes: Math.max(...members.map((m) => m.waitMinutes)), overCapacity: bags > s.luggage || block.length > s.seats,
    });
  }
  return out;
}

/** A segment as the planner needs it. */
export interface SegmentForPlan {
  id: string; mode: string; direction: string; status: string; toCode: string; arrivalAt: Date; arrivalTimeZone: string; bagsPerPerson: number; memberIds: string[];
}

/**
 * Each member's arrival flight: among the segments with mode flight, direction arrival and status booked or requested,
 * the one that lands last (the final leg of a connection brings the member to the visit). Members of no such segment
 * are not picked up. `current` restricts to the delegation's current members.
 */
export function arrivalsOf(segments: SegmentForPlan[], current: Set<string>): Arrival[] {
  const best = new Map<string, Arrival>();
  const ordered = [...segments].sort((x, y) => x.arrivalAt.getTime() - y.arrivalAt.getTime() || x.id.localeCompare(y.id));
  for (const s of ordered) {
    if (s.mode !== 'flight' || s.direction !== 'arrival' || !['booked', 'requested'].includes(s.status)) continue;
    for (const m of s.memberIds) {
      if (!current.has(m)) continue;
      best.set(m, { memberId: m, segmentId: s.id, airport: s.toCode.toUpperCase(), landsAt: s.arrivalAt, timeZone: s.arrivalTimeZone, bags: s.bagsPerPerson });
    }
  }
  return [...best.values()];
}

export type MinorsRule = 'two-adults' | 'hired-service';
export type DriverKind = 'host-family-member' | 'volunteer' | 'hired-service';

export interface RunCrew {
  driverKind: DriverKind | null;
  extraAdults: number;
  /** members in the run: minors and adults */
  minors: number;
  adultMembers: number;
}

export interface SafeguardingCheck {
  ok: boolean;
  rule: MinorsRule;
  /** adults in the vehicle counted for the rule (the driver counts as one, assigned or still to be assigned) */
  adults: number;
  message: string | null;
}

/**
 * Minors are never alone in a run with a single unrelated adult driver. `two-adults` (default): a run with a minor
 * needs two adults in the vehicle: the driver (assigned or still to come) plus an extra adult or an adult member of the
 * delegation in the same run; a hired service (a professional, vetted operator) also satisfies it. `hired-service`:
 * a run with a minor must be driven by a hired service; two adults are not enough.
 */
export function checkMinors(rule: MinorsRule, crew: RunCrew): SafeguardingCheck {
  const adults = 1 + crew.extraAdults + crew.adultMembers;
  if (crew.minors === 0) return { ok: true, rule, adults, message: null };
  if (crew.driverKind === 'hired-service') return { ok: true, rule, adults, message: null };
  if (rule === 'hired-service') {
    return { ok: false, rule, adults, message: `the run carries ${crew.minors} minor(s): the programme's minors rule 'hired-service' requires a hired service as driver` };
  }
  if (adults >= 2) return { ok: true, rule, adults, message: null };
  return {
    ok: false, rule, adults,
    message: `the run carries ${crew.minors} minor(s) with a single adult driver: the minors rule 'two-adults' requires a second adult (extraAdults >= 1 or an adult member in the run) or a hired service`,
  };
}

/** The fields of a re-planned run that differ from the stored one (names as in pickup.changed `changed`). */
export function changedFields(
  before: { meetingAt: Date; timeZone: string; members: { memberId: string; segmentId: string; landsAt: Date; dropOff: string }[] },
  after: { meetingAt: Date; timeZone: string; members: { memberId: string; segmentId: string; landsAt: Date; dropOff: string }[] },
): string[] {
  const changed: string[] = [];
  if (before.meetingAt.getTime() !== after.meetingAt.getTime() || before.timeZone !== after.timeZone) changed.push('meetingAt');
  const key = (m: { memberId: string; segmentId: string; landsAt: Date }) => `${m.memberId}/${m.segmentId}/${m.landsAt.getTime()}`;
  const b = new Set(before.members.map(key));
  if (after.members.length !== before.members.length || after.members.some((m) => !b.has(key(m)))) changed.push('arrivals');
  const drop = (ms: { memberId: string; dropOff: string }[]) => ms.map((m) => `${m.memberId}=${m.dropOff}`).sort().join('|');
  if (drop(before.members) !== drop(after.members)) changed.push('dropOffs');
  return changed;
}
