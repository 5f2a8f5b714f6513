import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, maySee, relationsTo } from '@twinning/platform-auth';
import { DomainRuleError } from '@twinning/platform-http';
import { AnyNewEvent, OutboxWriter } from '@twinning/platform-messaging';
import { VettingService } from '../../families/application/vetting.service';
import { allViolations, explainAssignment, explanationFor, generateCandidates, guestContext, HardRuleCode, publicCounts, publicWhyNot, toInstance, unplacedTopicReason, whyNot } from '../../matching/domain/candidates';
import { solveInWorker } from '../../matching/domain/matching-worker';
import { anchorGroups } from '../../matching/domain/groups/anchor-groups';
import { explainGroupUnplaced } from '../../matching/domain/groups/group-explanations';
import { solveWithGroups } from '../../matching/domain/groups/group-solver';
import { DelegationRecord, engineSettings, FamilyRecord, GuestRecord, groupRulesBroken, groupsInProblem, isMinorOnArrival, MatchingSettings, toCandidateFamily, toCandidateGuest } from '../domain/matching-problem';
import { activeOffers, loadDelegation, loadFamilies, loadGuests, loadSettings, lockDelegation } from '../infrastructure/placement-rows';
import { AssignDto, MatchingSettingsDto, ReleaseOffersDto } from '../http/placements.dto';
import { withheldForCaller } from './guest-sensitive-view';
import { PlacementEngine } from './placement-engine';

/** Rules a manual assignment may never break (safeguarding and real beds): the coordinator is told, and refused. */
export const NON_OVERRIDABLE: readonly HardRuleCode[] = ['CAPACITY', 'MINOR_NOT_ELIGIBLE', 'HOST_IS_COORDINATOR'];

const CLOSED = ['cancelled', 'completed'];

/**
 * Matching for a delegation: its settings, coordinator-run matching (proposals with explanations), releasing proposals
 * as offers, "why not family X", and manual assignment with every broken rule reported and recorded.
 */
@Injectable()
export class MatchingService {
  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly vetting: VettingService, private readonly engine: PlacementEngine) {}

  async settings(user: AuthenticatedUser, delegationId: string) {
    await loadDelegation(this.dataSource.manager, user, delegationId);
    return loadSettings(this.dataSource.manager, delegationId);
  }

  async updateSettings(user: AuthenticatedUser, delegationId: string, dto: MatchingSettingsDto) {
    return this.dataSource.transaction(async (tx) => {
      await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, delegationId);
      const current = await loadSettings(tx, delegationId);
      const groups = dto.groups ?? current.groups;
      if (groups.length) {
        const members = new Set(((await tx.query(`SELECT id FROM hm_member WHERE delegation_id = $1 AND removed_at IS NULL`, [delegationId])) as { id: string }[]).map((r) => r.id));
        const seen = new Map<string, Set<string>>();
        groups.forEach((g, i) => {
          const unknown = g.memberIds.find((m) => !members.has(m));
          if (unknown) throw new DomainRuleError('MATCHING.GROUP_MEMBER_UNKNOWN', `groups[${i}]: member ${unknown} is not a member of this delegation`, `groups.${i}.memberIds`);
          const kindSeen = seen.get(g.kind) ?? new Set<string>();
          for (const m of g.memberIds) {
            if (kindSeen.has(m)) throw new DomainRuleError('MATCHING.GROUP_OVERLAP', `groups[${i}]: member ${m} is already in another '${g.kind}' group`, `groups.${i}.memberIds`);
            kindSeen.add(m);
          }
          seen.set(g.kind, kindSeen);
        });
        // two guests kept together and kept apart at once: no placement could honour both, so neither is accepted
        groups.forEach((g, i) => {
          if (g.kind !== 'apart') return;
          const clash = groups.findIndex((o) => o.kind === 'together' && o.memberIds.filter((m) => g.memberIds.includes(m)).length >= 2);
          if (clash >= 0) throw new DomainRuleError('MATCHING.GROUP_CONFLICT', `groups[${i}]: two of its members are kept together by groups[${clash}] and cannot also be kept apart`, `groups.${i}.memberIds`);
        });
      }
      const next: MatchingSettings = {
        venueName: dto.venueName !== undefined ? dto.venueName : current.venueName,
        venue: dto.venue !== undefined ? (dto.venue ? { lat: dto.venue.latitude, lng: dto.venue.longitude } : null) : current.venue,
        maxDistanceKm: dto.maxDistanceKm ?? current.maxDistanceKm,
        minorsGenderRule: dto.minorsGenderRule ?? current.minorsGenderRule,
        offerResponseHours: dto.offerResponseHours ?? current.offerResponseHours,
        groups,
      };
      await tx.query(
        `INSERT INTO matching_settings (delegation_id, venue_name, venue_latitude, venue_longitude, max_distance_km, minors_gender_rule, offer_response_hours, groups, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
         ON CONFLICT (delegation_id) DO UPDATE SET venue_name = EXCLUDED.venue_name, venue_latitude = EXCLUDED.venue_latitude, venue_longitude = EXCLUDED.venue_longitude,
           max_distance_km = EXCLUDED.max_distance_km, minors_gender_rule = EXCLUDED.minors_gender_rule, offer_response_hours = EXCLUDED.offer_response_hours,
           groups = EXCLUDED.groups, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [delegationId, next.venueName, next.venue?.lat ?? null, next.venue?.lng ?? null, next.maxDistanceKm, next.minorsGenderRule, next.offerResponseHours, JSON.stringify(next.groups), user.userId],
      );
      return next;
    });
  }

  /** A coordinator's matching run over the guests who have no open offer or placement yet. */
  async run(user: AuthenticatedUser, delegationId: string) {
    const now = new Date();
    const runId = await this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      if (CLOSED.includes(d.status)) throw new DomainRuleError('MATCHING.DELEGATION_CLOSED', `the delegation is ${d.status}; matching is closed`);
      const settings = await this.requireVenue(tx, d.id);
      const started = performance.now();
      const offers = await activeOffers(tx, d.id);
      const withOffer = new Set(offers.map((o) => o.member_id));
      const homestay = await loadGuests(tx, d.id);
      const open = homestay.filter((g) => !withOffer.has(g.memberId));
      const guests = open.filter((g) => g.hasProfile);
      const withoutProfile = open.filter((g) => !g.hasProfile);
      const heldHere = new Map<string, number>();
      for (const o of offers) heldHere.set(o.family_id, (heldHere.get(o.family_id) ?? 0) + 1);
      const families = await this.familiesWithFreshVetting(tx, user.organisationId, d, now);
      const set = generateCandidates({
        guests: guests.map((g) => toCandidateGuest(g, d, settings)),
        families: families.map((f) => toCandidateFamily(f, d, heldHere.get(f.id) ?? 0)),
        settings: engineSettings(settings),
      });
      // a group member with an offer already anchors the others to that family; one without a profile keeps them out
      const famIndex = new Map(families.map((f, i) => [f.id, i]));
      const offerFamily = new Map(offers.map((o) => [o.member_id, o.family_id]));
      const homestayIds = new Set(homestay.map((g) => g.memberId));
      const grouped = groupsInProblem(guests.map((g) => g.memberId), settings.groups, (m) => {
        if (!homestayIds.has(m)) return undefined;
        const f = offerFamily.get(m);
        return f !== undefined ? (famIndex.get(f) ?? -1) : -1;
      });
      const { inst, groups } = anchorGroups(toInstance(set), grouped);
      let familyOf: ArrayLike<number>;
      let optimal: boolean;
      let solver: Record<string, unknown>;
      if (groups.length) {
        const r = solveWithGroups(inst, groups);
        familyOf = r.familyOf;
        optimal = false; // a heuristic on top of the exact flow (price-and-fix), documented as such
        solver = { kind: 'groups-heuristic', groups: groups.length };
      } else {
        const { result, ranIn } = await solveInWorker(inst);
        familyOf = result.familyOf;
        optimal = true; // solveMatching certifies its optimum (reduced-cost check over every feasible pair) or throws
        solver = { kind: 'exact', ranIn, ...result.stats };
      }
      const proposals = explainAssignment(set, familyOf).map((p, g) => (p.familyId ? p : { ...p, explanation: explainGroupUnplaced(set, g, familyOf, grouped) ?? p.explanation }));
      await tx.query(`UPDATE proposal SET status = 'superseded' WHERE delegation_id = $1 AND status = 'proposed'`, [d.id]);
      const id = randomUUID();
      const placed = proposals.filter((p) => p.familyId).length;
      const totalScore = proposals.reduce((s, p) => s + (p.score ?? 0), 0);
      const durationMs = performance.now() - started;
      const guestCount = guests.length + withoutProfile.length;
      await tx.query(
        `INSERT INTO matching_run (id, delegation_id, organisation_id, trigger, started_by, started_at, finished_at, guests, placed, unplaced, total_score, optimal, duration_ms, families_considered, details)
         VALUES ($1, $2, $3, 'coordinator', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [id, d.id, user.organisationId, user.userId, now, new Date(), guestCount, placed, guestCount - placed, totalScore, optimal, durationMs, families.length, JSON.stringify({ solver, heldByOpenOffers: offers.length })],
      );
      const events: AnyNewEvent[] = [];
      const byMember = new Map(guests.map((g) => [g.memberId, g]));
      for (const p of proposals) {
        const g = byMember.get(p.guestId)!;
        await tx.query(
          `INSERT INTO proposal (id, run_id, delegation_id, member_id, participant_id, family_id, score, breakdown, excluded_by_rule, feasible_families, explanation, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'proposed')`,
          [randomUUID(), id, d.id, g.memberId, g.participantId, p.familyId, p.score, p.breakdown ? JSON.stringify(p.breakdown) : null, JSON.stringify(p.excludedByRule), p.feasibleFamilies,
            p.explanation ? JSON.stringify(p.explanation) : null],
        );
        if (!p.familyId && p.explanation) {
          const { rule, reason } = unplacedTopicReason(p.explanation);
          events.push(this.unplaced(d, user.organisationId, g, id, rule, reason, now));
        }
      }
      for (const g of withoutProfile) {
        const message = 'no matching profile from the delegations service yet (date of birth, diet, allergies): the guest cannot be matched';
        await tx.query(
          `INSERT INTO proposal (id, run_id, delegation_id, member_id, participant_id, family_id, score, breakdown, excluded_by_rule, feasible_families, explanation, status)
           VALUES ($1, $2, $3, $4, $5, NULL, NULL, NULL, '{}', 0, $6, 'proposed')`,
          [randomUUID(), id, d.id, g.memberId, g.participantId, JSON.stringify({ kind: 'profile-missing', decidingRule: null, message })],
        );
        events.push(this.unplaced(d, user.organisationId, g, id, 'PROFILE_MISSING', message, now));
      }
      events.push({
        type: 'matching-run.completed', version: 1, aggregateId: d.id, organisationId: user.organisationId, occurredAt: now,
        payload: { runId: id, delegationId: d.id, guests: guestCount, placed, unplaced: guestCount - placed, totalScore, optimal, durationMs, trigger: 'coordinator', startedByUserId: user.userId },
      });
      await this.outbox.appendMany(tx, events);
      return id;
    });
    return this.getRun(user, delegationId, runId);
  }

  async listRuns(user: AuthenticatedUser, delegationId: string) {
    await loadDelegation(this.dataSource.manager, user, delegationId);
    const rows = (await this.dataSource.query(`SELECT * FROM matching_run WHERE delegation_id = $1 ORDER BY started_at DESC, id LIMIT 50`, [delegationId])) as RunRow[];
    return { items: rows.map(runView) };
  }

  async getRun(user: AuthenticatedUser, delegationId: string, runId: string) {
    const tx = this.dataSource.manager;
    const d = await loadDelegation(tx, user, delegationId);
    const seeAllergies = maySeeGuestAllergies(user, d);
    const [run] = (await tx.query(`SELECT * FROM matching_run WHERE id = $1 AND delegation_id = $2`, [runId, delegationId])) as RunRow[];
    if (!run) throw new NotFoundException({ statusCode: 404, code: 'MATCHING.RUN_NOT_FOUND', message: `matching run ${runId} not found for this delegation` });
    const proposals = (await tx.query(
      `SELECT pr.*, p.given_name, p.family_name, f.name AS family_label FROM proposal pr LEFT JOIN hm_participant p ON p.id = pr.participant_id
       LEFT JOIN host_family f ON f.id = pr.family_id WHERE pr.run_id = $1 ORDER BY (pr.family_id IS NULL) DESC, p.family_name, p.given_name, pr.member_id`,
      [runId],
    )) as ProposalRow[];
    const view = proposals.map((p) => ({
      id: p.id, memberId: p.member_id, participantId: p.participant_id, guestName: p.given_name ? `${p.given_name} ${p.family_name}` : null, familyId: p.family_id,
      familyName: p.family_label, score: p.score, breakdown: p.breakdown, excludedByRule: seeAllergies ? p.excluded_by_rule : publicCounts(p.excluded_by_rule),
      feasibleFamilies: p.feasible_families, explanation: explanationFor(p.explanation as StoredExplanation | null, seeAllergies), status: p.status,
    }));
    const shown = withheldForCaller(user, guestRelations(user, d), view);
    return { ...runView(run), proposals: shown.filter((p) => p.familyId), unplacedGuests: shown.filter((p) => !p.familyId) };
  }

  /** Releases proposals of the latest run as offers (all placed ones, or those named). */
  async release(user: AuthenticatedUser, delegationId: string, dto: ReleaseOffersDto) {
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      if (CLOSED.includes(d.status)) throw new DomainRuleError('MATCHING.DELEGATION_CLOSED', `the delegation is ${d.status}; no offers can be made`);
      const settings = await loadSettings(tx, d.id);
      const params: unknown[] = [d.id];
      let filter = '';
      if (dto.proposalIds?.length) {
        params.push(dto.proposalIds);
        filter = ' AND pr.id = ANY ($2)';
      }
      const proposals = (await tx.query(
        `SELECT pr.id, pr.member_id, pr.participant_id, pr.family_id, pr.score, pr.breakdown, p.given_name FROM proposal pr LEFT JOIN hm_participant p ON p.id = pr.participant_id
         WHERE pr.delegation_id = $1 AND pr.status = 'proposed' AND pr.family_id IS NOT NULL${filter} ORDER BY pr.created_at, pr.id`,
        params,
      )) as { id: string; member_id: string; participant_id: string; family_id: string; score: number; breakdown: object; given_name: string | null }[];
      if (dto.proposalIds?.length && proposals.length !== new Set(dto.proposalIds).size) {
        throw new DomainRuleError('MATCHING.PROPOSAL_NOT_OPEN', 'some proposals are not open proposals of this delegation (released, superseded or unknown)', 'proposalIds');
      }
      const offers: string[] = [];
      const skipped: { proposalId: string; reason: string }[] = [];
      for (const p of proposals) {
        const [{ held, beds }] = (await tx.query(
          `SELECT f.beds, (SELECT count(*)::int FROM offer o JOIN hm_delegation od ON od.id = o.delegation_id WHERE o.family_id = f.id AND o.status IN ('offered', 'accepted', 'confirmed')
             AND od.start_date < $3::date AND $2::date < od.end_date) AS held FROM host_family f WHERE f.id = $1`,
          [p.family_id, d.startDate, d.endDate],
        )) as { held: number; beds: number }[];
        const busy = (await tx.query(`SELECT 1 FROM offer WHERE member_id = $1 AND status IN ('offered', 'accepted', 'confirmed')`, [p.member_id])) as unknown[];
        if (busy.length) skipped.push({ proposalId: p.id, reason: 'the guest already has an open offer or placement' });
        else if (held >= beds) skipped.push({ proposalId: p.id, reason: 'the family has no free bed any more (another offer took it since the run)' });
        else {
          offers.push(await this.engine.makeOffer(tx, { delegation: d, hostOrganisationId: user.organisationId, guest: { memberId: p.member_id, participantId: p.participant_id, givenName: p.given_name }, familyId: p.family_id,
            origin: 'matching', proposalId: p.id, score: p.score, breakdown: p.breakdown, createdBy: user.userId, responseHours: settings.offerResponseHours, now }));
          await tx.query(`UPDATE proposal SET status = 'released' WHERE id = $1`, [p.id]);
        }
      }
      return { offerIds: offers, skipped, deadlineHours: settings.offerResponseHours };
    });
  }

  /** "Why not family X" for one guest: the rule that excludes X, or the score lost by forcing it. */
  async whyNot(user: AuthenticatedUser, delegationId: string, memberId: string, familyId: string) {
    const tx = this.dataSource.manager;
    const d = await loadDelegation(tx, user, delegationId);
    const settings = await this.requireVenue(tx, d.id);
    const guest = (await loadGuests(tx, d.id)).find((g) => g.memberId === memberId);
    if (!guest) throw new DomainRuleError('MATCHING.NOT_A_GUEST', `member ${memberId} is not a homestay guest of this delegation`, 'memberId');
    this.requireProfile(guest);
    const offers = (await activeOffers(tx, d.id)).filter((o) => o.member_id !== memberId);
    const heldHere = new Map<string, number>();
    for (const o of offers) heldHere.set(o.family_id, (heldHere.get(o.family_id) ?? 0) + 1);
    const families = (await loadFamilies(tx, user.organisationId, d)).map((f) => toCandidateFamily(f, d, heldHere.get(f.id) ?? 0));
    const family = families.find((f) => f.id === familyId);
    if (!family) throw new DomainRuleError('MATCHING.FAMILY_UNKNOWN', `family ${familyId} is not a family of this organisation`, 'familyId');
    const forbidden = (await tx.query(`SELECT reason FROM forbidden_pair WHERE member_id = $1 AND family_id = $2`, [memberId, familyId])) as { reason: string }[];
    const precise = whyNot(toCandidateGuest(guest, d, settings), family, families, engineSettings(settings));
    const answer = withheldForCaller(user, guestRelations(user, d), maySeeGuestAllergies(user, d) ? precise : publicWhyNot(precise));
    return { ...answer, ...(forbidden[0] ? { forbiddenAfter: forbidden[0].reason, note: `this family ${forbidden[0].reason} this guest before, so re-matches never offer it again` } : {}) };
  }

  /** A coordinator assigns by hand: told every hard rule the pair breaks; safeguarding rules and real beds cannot be overridden. */
  async assign(user: AuthenticatedUser, delegationId: string, dto: AssignDto) {
    const now = new Date();
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      await lockDelegation(tx, d.id);
      if (CLOSED.includes(d.status)) throw new DomainRuleError('MATCHING.DELEGATION_CLOSED', `the delegation is ${d.status}; no offers can be made`);
      const settings = await this.requireVenue(tx, d.id);
      const guest = (await loadGuests(tx, d.id)).find((g) => g.memberId === dto.memberId);
      if (!guest) throw new DomainRuleError('MATCHING.NOT_A_GUEST', `member ${dto.memberId} is not a homestay guest of this delegation`, 'memberId');
      this.requireProfile(guest);
      const offers = await activeOffers(tx, d.id);
      const own = offers.find((o) => o.member_id === dto.memberId);
      if (own?.family_id === dto.familyId) throw new DomainRuleError('ASSIGNMENT.ALREADY', `the guest already has a ${own.status} offer with this family`, 'familyId');
      const heldHere = new Map<string, number>();
      for (const o of offers) if (o !== own) heldHere.set(o.family_id, (heldHere.get(o.family_id) ?? 0) + 1);
      const [familyRecord] = await this.familiesWithFreshVetting(tx, user.organisationId, d, now, [dto.familyId]);
      if (!familyRecord) throw new DomainRuleError('MATCHING.FAMILY_UNKNOWN', `family ${dto.familyId} is not a family of this organisation`, 'familyId');
      const family = toCandidateFamily(familyRecord, d, heldHere.get(familyRecord.id) ?? 0);
      const broken: { rule: string; message: string }[] = [
        ...allViolations(guestContext(toCandidateGuest(guest, d, settings)), family, engineSettings(settings)),
        ...groupRulesBroken(settings.groups, dto.memberId, dto.familyId, offers.filter((o) => o !== own)),
      ];
      // what the caller is told: the same rules, the allergy named only to whom may see it
      const told = withheldForCaller(user, guestRelations(user, d), broken);
      const refused = told.filter((b) => (NON_OVERRIDABLE as readonly string[]).includes(b.rule));
      if (refused.length) {
        throw new DomainRuleError('ASSIGNMENT.NOT_OVERRIDABLE', `this assignment breaks rules no override may break: ${refused.map((r) => r.message).join('; ')}`, undefined, { brokenRules: told });
      }
      if (broken.length && !dto.acknowledgeBrokenRules) {
        throw new DomainRuleError('ASSIGNMENT.BREAKS_RULES', `this assignment breaks ${broken.length} rule(s): ${told.map((r) => r.message).join('; ')}. Send acknowledgeBrokenRules: true with a note to assign anyway`, undefined, { brokenRules: told });
      }
      if (broken.length && !dto.note?.trim()) throw new DomainRuleError('ASSIGNMENT.NOTE_REQUIRED', 'an override that breaks rules needs a note saying why', 'note');
      if (own) {
        await this.engine.endOffer(tx, own, { status: own.status === 'offered' ? 'withdrawn' : 'released', now, reason: 'replaced by a manual assignment', withdrawalKind: 'coordinator', byUserId: user.userId, releaseReason: 'host-withdrew' });
      }
      const offerId = await this.engine.makeOffer(tx, { delegation: d, hostOrganisationId: user.organisationId, guest, familyId: dto.familyId, origin: 'manual', brokenRules: broken, overrideNote: dto.note ?? null, createdBy: user.userId,
        responseHours: settings.offerResponseHours, now });
      return { offerId, brokenRules: told, overridden: broken.length > 0, replacedOfferId: own?.id ?? null };
    });
  }

  /** Every homestay guest of the delegation with the current offer or placement, and the latest proposal's explanation. */
  async guests(user: AuthenticatedUser, delegationId: string) {
    const tx = this.dataSource.manager;
    const d = await loadDelegation(tx, user, delegationId);
    const guests = await loadGuests(tx, d.id);
    const offers = (await tx.query(`SELECT o.*, f.name AS family_name FROM offer o JOIN host_family f ON f.id = o.family_id WHERE o.delegation_id = $1 AND o.status IN ('offered', 'accepted', 'confirmed')`, [d.id])) as {
      member_id: string; id: string; status: string; family_id: string; family_name: string; deadline_at: Date; origin: string; broken_rules: unknown[];
    }[];
    const latest = (await tx.query(
      `SELECT DISTINCT ON (member_id) member_id, family_id, explanation, status FROM proposal WHERE delegation_id = $1 ORDER BY member_id, created_at DESC`, [d.id])) as { member_id: string; family_id: string | null; explanation: unknown; status: string }[];
    const now = new Date();
    const seeAllergies = maySeeGuestAllergies(user, d);
    return withheldForCaller(user, guestRelations(user, d), {
      delegationId: d.id,
      items: guests.map((g) => {
        const o = offers.find((x) => x.member_id === g.memberId);
        const p = latest.find((x) => x.member_id === g.memberId);
        const expired = o && o.status === 'offered' && new Date(o.deadline_at) <= now;
        return {
          memberId: g.memberId, participantId: g.participantId, role: g.role, name: g.givenName ? `${g.givenName} ${g.familyName}` : null, hasMatchingProfile: g.hasProfile,
          minor: isMinorOnArrival(g, d), guardianConsentOnFile: g.consentOnFile,
          offer: o ? { id: o.id, status: expired ? 'expired' : o.status, familyId: o.family_id, familyName: o.family_name, deadlineAt: o.deadline_at, origin: o.origin, brokenRules: o.broken_rules } : null,
          latestProposal: p ? { familyId: p.family_id, status: p.status, explanation: explanationFor(p.explanation as StoredExplanation | null, seeAllergies) } : null,
        };
      }),
    });
  }

  private async requireVenue(tx: EntityManager, delegationId: string): Promise<MatchingSettings> {
    const s = await loadSettings(tx, delegationId);
    if (!s.venue) throw new DomainRuleError('MATCHING.VENUE_MISSING', 'set the venue (latitude, longitude) in the matching settings first: the distance rule measures from it', 'venue');
    return s;
  }

  private requireProfile(g: GuestRecord): void {
    if (!g.hasProfile) throw new DomainRuleError('MATCHING.PROFILE_MISSING', `member ${g.memberId} has no matching profile yet (it comes from the delegations service)`, 'memberId');
  }

  /** Families with vetting re-evaluated now (a check at every matching run: events go out when eligibility changed). */
  private async familiesWithFreshVetting(tx: EntityManager, organisationId: string, d: DelegationRecord, now: Date, only?: string[]): Promise<FamilyRecord[]> {
    const families = await loadFamilies(tx, organisationId, d, only);
    for (const f of families) {
      const r = await this.vetting.reevaluate(tx, { id: f.id, organisation_id: organisationId, vetting_eligible: f.eligibleForMinors }, now);
      f.eligibleForMinors = r.evaluation.eligible;
    }
    return families;
  }

  private unplaced(d: DelegationRecord, organisationId: string, g: GuestRecord, runId: string, rule: string, message: string, now: Date): AnyNewEvent {
    return {
      type: 'guest.unplaced', version: 1, aggregateId: d.id, organisationId, occurredAt: now,
      payload: { delegationId: d.id, memberId: g.memberId, participantId: g.participantId, runId, rule, reason: message.slice(0, 500) },
    };
  }
}

/** An unplaced guest's stored explanation (precise message and, since the vocabulary, its public form). */
type StoredExplanation = { kind?: string; decidingRule: string | null; message: string; publicRule?: string | null; publicMessage?: string; excludedByRule?: unknown };

/**
 * Whether the caller may read the precise unplaced reasons of this delegation's guests (they name allergies): the
 * sensitive-fields rule for `allergies`, owner or partner by the delegation's organisation.
 */
function maySeeGuestAllergies(user: AuthenticatedUser, d: DelegationRecord): boolean {
  return maySee(user, guestRelations(user, d), 'allergies');
}

interface RunRow {
  id: string; delegation_id: string; trigger: string; started_by: string | null; started_at: Date; finished_at: Date; guests: number; placed: number; unplaced: number;
  total_score: string; optimal: boolean; duration_ms: number; families_considered: number; moved: number; details: Record<string, unknown>;
}
interface ProposalRow {
  id: string; member_id: string; participant_id: string; family_id: string | null; score: number | null; breakdown: unknown; excluded_by_rule: unknown; feasible_families: number;
  explanation: unknown; status: string; given_name: string | null; family_name: string | null; family_label: string | null;
}

function runView(r: RunRow) {
  return {
    id: r.id, delegationId: r.delegation_id, trigger: r.trigger, startedBy: r.started_by, startedAt: r.started_at, finishedAt: r.finished_at, guests: r.guests, placed: r.placed,
    unplaced: r.unplaced, totalScore: Number(r.total_score), optimal: r.optimal, durationMs: r.duration_ms, familiesConsidered: r.families_considered, moved: r.moved, details: r.details,
  };
}

/**
 * The caller's relations to the guests of a delegation that loadDelegation let them see: its owner's staff, or the
 * staff of a partner organisation it is shared with (the guests belong to the owner).
 */
function guestRelations(user: AuthenticatedUser, d: DelegationRecord) {
  return relationsTo(user, { ownerOrganisationId: d.organisationId, sharedWithCaller: true });
}
