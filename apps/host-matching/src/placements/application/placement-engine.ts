import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { vocabularyLabel } from '@twinning/contracts';
import { AnyNewEvent, OutboxWriter } from '@twinning/platform-messaging';
import { generateCandidates, toInstance, unplacedTopicReason } from '../../matching/domain/candidates';
import { anchorGroups } from '../../matching/domain/groups/anchor-groups';
import { explainGroupUnplaced } from '../../matching/domain/groups/group-explanations';
import { rematch } from '../../matching/domain/rematch';
import { DelegationRecord, engineSettings, GuestRecord, groupsInProblem, isMinorOnArrival, stayOf, toCandidateFamily, toCandidateGuest } from '../domain/matching-problem';
import { canConfirm, deadlineFrom, FROZEN_STATUSES, OfferStatus } from '../domain/offer-state';
import { activeOffers, familyBasics, forbiddenPairs, loadFamilies, loadGuest, loadGuests, loadSettings, OfferRow, updateGuarded } from '../infrastructure/placement-rows';

export interface NewOffer {
  delegation: DelegationRecord;
  /** the organisation whose family is offered the guest (the owner of the delegation, or a partner it is shared with) */
  hostOrganisationId: string;
  guest: Pick<GuestRecord, 'memberId' | 'participantId' | 'givenName'>;
  familyId: string;
  origin: 'matching' | 'rematch' | 'manual';
  proposalId?: string | null;
  score?: number | null;
  breakdown?: object | null;
  brokenRules?: { rule: string; message: string }[];
  overrideNote?: string | null;
  createdBy?: string | null;
  responseHours: number;
  now: Date;
}

export type EndStatus = Extract<OfferStatus, 'declined' | 'expired' | 'withdrawn' | 'released'>;

export interface EndOffer {
  status: EndStatus;
  now: Date;
  byUserId?: string | null;
  /** the host's reason (decline, withdraw) or why the system ended it */
  reason: string;
  /** for `withdrawn`: who took it back */
  withdrawalKind?: 'host-withdrew' | 'moved-by-rematch' | 'coordinator';
  /** for `released` (and host withdrawals of accepted placements): the placement.released reason */
  releaseReason?: 'delegation-cancelled' | 'member-removed' | 'host-withdrew' | 'lodging-changed' | 'moved-with-group';
  /** record the pair as forbidden for this guest's re-matches */
  forbid?: boolean;
}

export interface RematchOutcome {
  runId: string;
  placed: number;
  unplaced: number;
  moved: number;
  offersMade: string[];
}

/** the rule code of a guest.unplaced event when a group decided it */
/**
 * The state changes of placements inside the caller's transaction, each with its events through the outbox:
 * offers made and ended, placements confirmed, and the automatic re-match. Callers hold the delegation's lock.
 */
@Injectable()
export class PlacementEngine {
  constructor(private readonly outbox: OutboxWriter) {}

  async makeOffer(tx: EntityManager, o: NewOffer): Promise<string> {
    const id = randomUUID();
    const deadline = deadlineFrom(o.now, o.responseHours);
    const family = (await familyBasics(tx, [o.familyId])).get(o.familyId);
    if (!family) throw new Error(`family ${o.familyId} does not exist`);
    await tx.query(
      `INSERT INTO offer (id, delegation_id, organisation_id, member_id, participant_id, family_id, proposal_id, origin, status, deadline_at, score, breakdown,
         broken_rules, override_note, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'offered', $9, $10, $11, $12, $13, $14, $15)`,
      [id, o.delegation.id, o.hostOrganisationId, o.guest.memberId, o.guest.participantId, o.familyId, o.proposalId ?? null, o.origin, deadline, o.score ?? null,
        o.breakdown ? JSON.stringify(o.breakdown) : null, JSON.stringify(o.brokenRules ?? []), o.overrideNote ?? null, o.createdBy ?? null, o.now],
    );
    await this.outbox.append(tx, {
      type: 'offer.made', version: 1, aggregateId: o.delegation.id, organisationId: o.hostOrganisationId, occurredAt: o.now,
      payload: {
        offerId: id, delegationId: o.delegation.id, memberId: o.guest.memberId, participantId: o.guest.participantId, familyId: o.familyId, hostUserIds: family.host_user_ids,
        guestGivenName: o.guest.givenName ?? 'your guest', deadlineAt: deadline.toISOString(), origin: o.origin,
        ...(o.brokenRules?.length ? { brokenRules: o.brokenRules.map((r) => r.rule) } : {}),
      },
    });
    return id;
  }

  /** Ends an active offer (guarded on its current status, so of two racing writers only one ends it). Returns false when it was no longer active. */
  async endOffer(tx: EntityManager, offer: OfferRow, e: EndOffer): Promise<boolean> {
    const changed = await updateGuarded(tx,
      `UPDATE offer SET status = $2, ended_at = $3, end_reason = $4, version = version + 1,
         responded_at = CASE WHEN $2 IN ('declined') THEN $3 ELSE responded_at END,
         responded_by = CASE WHEN $2 IN ('declined') THEN $5::uuid ELSE responded_by END,
         response_reason = CASE WHEN $2 IN ('declined') THEN $4 ELSE response_reason END
       WHERE id = $1 AND status = $6 RETURNING id`,
      [offer.id, e.status, e.now, e.reason, e.byUserId ?? null, offer.status]);
    if (changed === 0) return false;
    if (e.forbid) {
      await tx.query(`INSERT INTO forbidden_pair (member_id, family_id, delegation_id, reason, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [offer.member_id, offer.family_id, offer.delegation_id, e.status, e.now]);
    }
    const family = (await familyBasics(tx, [offer.family_id])).get(offer.family_id);
    const base = { offerId: offer.id, delegationId: offer.delegation_id, memberId: offer.member_id, participantId: offer.participant_id, familyId: offer.family_id, hostUserIds: family?.host_user_ids ?? [] };
    const env = { aggregateId: offer.delegation_id, organisationId: offer.organisation_id, occurredAt: e.now };
    const events: AnyNewEvent[] = [];
    if (e.status === 'declined') events.push({ ...env, type: 'offer.declined', version: 1, payload: { ...base, byUserId: e.byUserId!, reason: e.reason } });
    if (e.status === 'expired') events.push({ ...env, type: 'offer.expired', version: 1, payload: { ...base, deadlineAt: new Date(offer.deadline_at).toISOString() } });
    const wasPlacement = FROZEN_STATUSES.includes(offer.status);
    if (e.status === 'withdrawn' || (e.status === 'released' && !wasPlacement)) {
      const kind = e.withdrawalKind ?? 'coordinator';
      events.push({ ...env, type: 'offer.withdrawn', version: 1, payload: { ...base, kind, reason: e.reason, ...(e.byUserId ? { byUserId: e.byUserId } : {}) } });
    }
    if (wasPlacement && (e.status === 'released' || e.status === 'withdrawn')) {
      events.push({ ...env, type: 'placement.released', version: 1, payload: { ...base, reason: e.releaseReason ?? 'host-withdrew' } });
    }
    if (events.length) await this.outbox.appendMany(tx, events);
    return true;
  }

  /** Confirms an accepted offer when the guest may be confirmed (an adult, or a minor with guardian consent on file). */
  async confirmIfPossible(tx: EntityManager, offer: OfferRow, delegation: DelegationRecord, now: Date): Promise<boolean> {
    if (offer.status !== 'accepted') return false;
    const guest = await loadGuest(tx, offer.member_id);
    if (!guest) return false;
    const minor = isMinorOnArrival(guest, delegation);
    if (!canConfirm({ minor, consentOnFile: guest.consentOnFile, consentExpiresOn: guest.consentExpiresOn }, delegation.startDate)) return false;
    if (await updateGuarded(tx, `UPDATE offer SET status = 'confirmed', confirmed_at = $2, version = version + 1 WHERE id = $1 AND status = 'accepted' RETURNING id`, [offer.id, now]) === 0) return false;
    const family = (await familyBasics(tx, [offer.family_id])).get(offer.family_id);
    if (!family) return false;
    const stay = stayOf(delegation);
    const ids = { offerId: offer.id, delegationId: offer.delegation_id, memberId: offer.member_id, participantId: offer.participant_id, familyId: offer.family_id, hostUserIds: family.host_user_ids };
    const env = { aggregateId: offer.delegation_id, organisationId: offer.organisation_id, occurredAt: now };
    await this.outbox.appendMany(tx, [
      { ...env, type: 'placement.confirmed', version: 1,
        payload: { ...ids, familyName: family.name, address: family.address, latitude: family.latitude, longitude: family.longitude, stayFrom: stay.from, stayTo: stay.to } },
      // the guest's needs for the hosts' welcome packet, on the restricted topic only notifications reads
      { ...env, type: 'placement.host-briefing', version: 1,
        payload: { ...ids, familyName: family.name, guestGivenName: guest.givenName ?? '', stayFrom: stay.from, stayTo: stay.to,
          diet: guest.diet.map((c) => vocabularyLabel('diets', c, 'en')), allergies: guest.allergies.map((c) => vocabularyLabel('allergens', c, 'en')),
          dietCodes: guest.diet, dietNote: guest.dietNote, allergyCodes: guest.allergies, allergyNote: guest.allergyNote, nonSmokingRequired: guest.nonSmokingRequired } },
    ]);
    return true;
  }

  /**
   * The automatic re-match after a decline, expiry or withdrawal, for the delegation's guests who have an open offer
   * plus `triggerMemberIds` (the guests who just lost theirs). Accepted and confirmed placements are frozen (their beds
   * are taken off the families), forbidden pairs are removed, and open offers move only when that places one more guest
   * (rematch's stability-first order). Moved offers are withdrawn and re-made; new placements become offers at once
   * (the coordinator already released this delegation's matching); a guest left without a family gets `guest.unplaced`.
   *
   * Groups hold here as in the first run. A together group moves as a whole: the members of a trigger guest's group
   * join the problem even when their family had accepted them (a family that declines one sibling has declined the
   * group, and a sibling whose offer expired or was withdrawn takes the group with them), and so do members left
   * without an offer; the group is then placed whole elsewhere (the accepted sibling's placement is released) or
   * every member is unplaced. Other groups' members outside the problem anchor those inside (anchor-groups.ts).
   */
  async rematch(tx: EntityManager, delegation: DelegationRecord, hostOrganisationId: string, triggerMemberIds: string[], now: Date): Promise<RematchOutcome | null> {
    if (delegation.status === 'cancelled' || delegation.status === 'completed') return null;
    const settings = await loadSettings(tx, delegation.id);
    if (!settings.venue) return null;
    const started = performance.now();
    const allGuests = await loadGuests(tx, delegation.id);
    const offers = await activeOffers(tx, delegation.id);
    const offerOf = new Map(offers.map((o) => [o.member_id, o]));
    const trigger = new Set(triggerMemberIds);
    const movable = (o: OfferRow | undefined) => o?.status === 'offered' && o.origin !== 'manual' && o.organisation_id === hostOrganisationId;
    const joining = new Set<string>();
    for (const grp of settings.groups) {
      if (grp.kind !== 'together' || !grp.memberIds.some((m) => trigger.has(m))) continue;
      for (const m of grp.memberIds) {
        const o = offerOf.get(m);
        if (!o || (o.origin !== 'manual' && o.organisation_id === hostOrganisationId && FROZEN_STATUSES.includes(o.status))) joining.add(m);
      }
    }
    const guests = allGuests.filter((g) => g.hasProfile && (movable(offerOf.get(g.memberId)) || joining.has(g.memberId) || (trigger.has(g.memberId) && !offerOf.has(g.memberId))));
    const inProblem = new Set(guests.map((g) => g.memberId));
    const heldHere = new Map<string, number>();
    for (const o of offers) if (!inProblem.has(o.member_id)) heldHere.set(o.family_id, (heldHere.get(o.family_id) ?? 0) + 1);
    const families = await loadFamilies(tx, hostOrganisationId, delegation);
    const set = generateCandidates({
      guests: guests.map((g) => toCandidateGuest(g, delegation, settings)),
      families: families.map((f) => toCandidateFamily(f, delegation, heldHere.get(f.id) ?? 0)),
      settings: engineSettings(settings),
    });
    const famIndex = new Map(families.map((f, i) => [f.id, i]));
    const homestayIds = new Set(allGuests.map((g) => g.memberId));
    const grouped = groupsInProblem(guests.map((g) => g.memberId), settings.groups, (m) => {
      if (!homestayIds.has(m)) return undefined;
      const o = offerOf.get(m);
      return o ? (famIndex.get(o.family_id) ?? -1) : -1;
    });
    const { inst, groups } = anchorGroups(toInstance(set), grouped);
    const gIndex = new Map(guests.map((g, i) => [g.memberId, i]));
    const current = guests.map((g) => {
      const o = offerOf.get(g.memberId);
      return o ? (famIndex.get(o.family_id) ?? -1) : -1;
    });
    const forbidden = (await forbiddenPairs(tx, delegation.id))
      .filter((p) => gIndex.has(p.member_id) && famIndex.has(p.family_id))
      .map((p) => ({ guest: gIndex.get(p.member_id)!, family: famIndex.get(p.family_id)! }));
    // a current pair the hard rules now exclude (e.g. vetting lapsed) is not kept: `current` must name a candidate pair
    for (let g = 0; g < guests.length; g++) {
      if (current[g] < 0) continue;
      let ok = false;
      for (let k = inst.pairStart[g]; k < inst.pairStart[g + 1]; k++) if (inst.pairFamily[k] === current[g]) ok = true;
      if (!ok) current[g] = -1;
    }
    const result = rematch(inst, { current, frozen: new Array(guests.length).fill(0), forbidden, groups });
    const runId = randomUUID();
    const offersMade: string[] = [];
    let moved = 0;
    const unplacedEvents: AnyNewEvent[] = [];
    for (let g = 0; g < guests.length; g++) {
      const guest = guests[g];
      const before = offerOf.get(guest.memberId);
      const after = result.familyOf[g];
      const afterId = after >= 0 ? families[after].id : null;
      if (before && before.family_id === afterId) continue;
      if (before) {
        moved++;
        await this.endOffer(tx, before, joining.has(guest.memberId)
          ? { status: 'withdrawn', now, reason: 'moved by an automatic re-match with the rest of their together group', withdrawalKind: 'moved-by-rematch', releaseReason: 'moved-with-group' }
          : { status: 'withdrawn', now, reason: 'moved by an automatic re-match to place another guest', withdrawalKind: 'moved-by-rematch' });
      }
      if (afterId) {
        const c = set.perGuest[g].candidates.find((x) => x.family === after);
        offersMade.push(await this.makeOffer(tx, { delegation, hostOrganisationId, guest, familyId: afterId, origin: 'rematch', score: c?.score ?? null, breakdown: c?.breakdown ?? null, responseHours: settings.offerResponseHours, now }));
      } else {
        const gc = set.perGuest[g];
        const explanation = explainGroupUnplaced(set, g, result.familyOf, grouped, forbidden) ?? gc.explanation
          ?? { decidingRule: null, message: gc.candidates.length ? 'every family the hard rules allow is full or has declined this guest' : 'no family passes the hard rules' };
        const { rule, reason } = unplacedTopicReason(explanation, 'kind' in explanation && (explanation.kind === 'kept-together' || explanation.kind === 'kept-apart') ? undefined : 'BEDS_TAKEN');
        unplacedEvents.push({
          type: 'guest.unplaced', version: 1, aggregateId: delegation.id, organisationId: hostOrganisationId, occurredAt: now,
          payload: { delegationId: delegation.id, memberId: guest.memberId, participantId: guest.participantId, runId, rule, reason },
        });
      }
    }
    const placed = [...result.familyOf].filter((f) => f >= 0).length;
    const durationMs = performance.now() - started;
    await tx.query(
      `INSERT INTO matching_run (id, delegation_id, organisation_id, trigger, started_by, started_at, finished_at, guests, placed, unplaced, total_score, optimal, duration_ms, families_considered, moved, details)
       VALUES ($1, $2, $3, 'rematch', NULL, $4, $5, $6, $7, $8, $9, true, $10, $11, $12, $13)`,
      [runId, delegation.id, hostOrganisationId, now, new Date(now.getTime() + Math.round(durationMs)), guests.length, placed, guests.length - placed, result.totalScore, durationMs,
        families.length, moved, JSON.stringify({ triggeredBy: triggerMemberIds })],
    );
    await this.outbox.appendMany(tx, [
      ...unplacedEvents,
      { type: 'matching-run.completed', version: 1, aggregateId: delegation.id, organisationId: hostOrganisationId, occurredAt: now,
        payload: { runId, delegationId: delegation.id, guests: guests.length, placed, unplaced: guests.length - placed, totalScore: result.totalScore, optimal: true, durationMs, trigger: 'rematch' } },
    ]);
    return { runId, placed, unplaced: guests.length - placed, moved, offersMade };
  }

  /** Ends every active offer of a delegation (cancelled) or of one member (removed, or no longer in a homestay). */
  async release(tx: EntityManager, offers: OfferRow[], reason: 'delegation-cancelled' | 'member-removed' | 'lodging-changed', now: Date): Promise<number> {
    let n = 0;
    for (const o of offers) {
      if (await this.endOffer(tx, o, { status: 'released', now, reason: reason.replace('-', ' '), releaseReason: reason, withdrawalKind: 'coordinator' })) n++;
    }
    return n;
  }
}
