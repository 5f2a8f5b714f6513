import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser, hasAnyRole, maySee, relationsTo, Role } from '@twinning/platform-auth';
import { DomainRuleError, PeriodicJob } from '@twinning/platform-http';
import { OutboxWriter } from '@twinning/platform-messaging';
import { ageOnArrival } from '../../matching/domain/candidates';
import { isMinorOnArrival, stayOf } from '../domain/matching-problem';
import { effectiveStatus, OfferStatus, refusal, timeLeftMs } from '../domain/offer-state';
import { VettingService } from '../../families/application/vetting.service';
import { loadDelegationById, loadGuest, loadOffer, lockDelegation, offerNotFound, OfferRow } from '../infrastructure/placement-rows';
import { DeclineDto, ListOffersDto, WithdrawDto } from '../http/placements.dto';
import { withheldForCaller } from './guest-sensitive-view';
import { PlacementEngine } from './placement-engine';
import { PlacementSettings } from './placement-settings';

/** Staff of the owning organisation who follow offers; coordinators and admins act on them. */
export const PLACEMENT_STAFF: readonly Role[] = ['coordinator', 'admin', 'youth-manager'];

interface OfferViewRow extends OfferRow {
  family_name: string; host_user_ids: string[]; delegation_organisation_id: string; shared_with_host_organisation: boolean; title: string; host_city: string; host_time_zone: string | null; start_date: string; end_date: string;
  given_name: string | null; family_name_p: string | null; date_of_birth: string | null; gender: string | null; languages: string[] | null; nationality: string | null;
  diet: string[] | null; diet_note: string | null; allergies: string[] | null; allergy_note: string | null; guardian_consent_on_file: boolean | null; guardian_consent_expires_on: string | null;
}

const VIEW_SELECT = `SELECT o.*, f.name AS family_name, f.host_user_ids, d.organisation_id AS delegation_organisation_id,
  EXISTS (SELECT 1 FROM hm_delegation_share s WHERE s.delegation_id = o.delegation_id AND s.organisation_id = o.organisation_id) AS shared_with_host_organisation, d.title, d.host_city, d.host_time_zone, d.start_date::text AS start_date, d.end_date::text AS end_date,
  p.given_name, p.family_name AS family_name_p, p.date_of_birth::text AS date_of_birth, p.gender, p.languages, p.nationality, p.diet, p.diet_note, p.allergies, p.allergy_note,
  p.guardian_consent_on_file, p.guardian_consent_expires_on::text AS guardian_consent_expires_on
  FROM offer o JOIN host_family f ON f.id = o.family_id JOIN hm_delegation d ON d.id = o.delegation_id LEFT JOIN hm_participant p ON p.id = o.participant_id`;

/**
 * Offers as their hosts and the organisation's staff see them, and the host's answers: accept, decline (with a
 * reason), withdraw an acceptance (with a reason). A host sees and answers only the offers made to a family they
 * manage (any other offer is 404). A decline, an expiry or a withdrawal re-matches the guest in the same transaction.
 * The expiry job ends offers whose deadline passed; an offer past its deadline reads as expired even before that.
 */
@Injectable()
export class OffersService implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(private readonly dataSource: DataSource, private readonly outbox: OutboxWriter, private readonly engine: PlacementEngine, settings: PlacementSettings,
    private readonly vetting: VettingService) {
    this.job = new PeriodicJob('offer-expiry', settings.expiryIntervalMs, async () => {
      const n = await this.expireDue(new Date());
      return n ? `${n} offer(s) expired and re-matched` : undefined;
    });
  }

  onModuleInit(): void {
    this.job.start();
  }

  onModuleDestroy(): void {
    this.job.stop();
  }

  async list(user: AuthenticatedUser, q: ListOffersDto) {
    const params: unknown[] = [user.organisationId];
    let where = 'o.organisation_id = $1';
    if (!hasAnyRole(user, PLACEMENT_STAFF)) {
      params.push(user.userId);
      where += ` AND $${params.length}::uuid = ANY (f.host_user_ids)`;
    }
    if (q.delegationId) {
      params.push(q.delegationId);
      where += ` AND o.delegation_id = $${params.length}`;
    }
    if (q.deadlineBefore) {
      params.push(new Date(q.deadlineBefore));
      where += ` AND o.deadline_at < $${params.length}`;
    }
    if (q.status === 'expired') where += ` AND (o.status = 'expired' OR (o.status = 'offered' AND o.deadline_at <= now()))`;
    else if (q.status === 'offered') where += ` AND o.status = 'offered' AND o.deadline_at > now()`;
    else if (q.status) {
      params.push(q.status);
      where += ` AND o.status = $${params.length}`;
    }
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM offer o JOIN host_family f ON f.id = o.family_id WHERE ${where}`, params)) as { total: number }[];
    const rows = (await this.dataSource.query(`${VIEW_SELECT} WHERE ${where} ORDER BY o.created_at DESC, o.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, q.limit, q.offset])) as OfferViewRow[];
    const now = new Date();
    return { items: rows.map((r) => this.view(user, r, now)), total, limit: q.limit, offset: q.offset };
  }

  async get(user: AuthenticatedUser, id: string) {
    return this.view(user, await this.visible(this.dataSource.manager, user, id), new Date());
  }

  async accept(user: AuthenticatedUser, id: string) {
    const now = new Date();
    await this.dataSource.transaction(async (tx) => {
      const offer = await this.actionable(tx, user, id);
      this.refuse('accept', offer, now);
      const d = (await loadDelegationById(tx, offer.delegation_id))!;
      await this.refuseUnvettedForMinor(tx, offer, d, now);
      await tx.query(`UPDATE offer SET status = 'accepted', responded_at = $2, responded_by = $3, version = version + 1 WHERE id = $1 AND status = 'offered'`, [id, now, user.userId]);
      const accepted = { ...offer, status: 'accepted' as OfferStatus };
      const confirmed = await this.engine.confirmIfPossible(tx, accepted, d, now);
      await this.outbox.append(tx, {
        type: 'offer.accepted', version: 1, aggregateId: offer.delegation_id, organisationId: offer.organisation_id, occurredAt: now,
        payload: { offerId: id, delegationId: offer.delegation_id, memberId: offer.member_id, participantId: offer.participant_id, familyId: offer.family_id,
          hostUserIds: await this.hostsOf(tx, offer.family_id), byUserId: user.userId, awaitingGuardianConsent: !confirmed },
      });
    });
    return this.get(user, id);
  }

  async decline(user: AuthenticatedUser, id: string, dto: DeclineDto) {
    const now = new Date();
    const rematch = await this.dataSource.transaction(async (tx) => {
      const offer = await this.actionable(tx, user, id);
      this.refuse('decline', offer, now);
      await this.engine.endOffer(tx, offer, { status: 'declined', now, byUserId: user.userId, reason: dto.reason, forbid: true });
      return this.engine.rematch(tx, (await loadDelegationById(tx, offer.delegation_id))!, offer.organisation_id, [offer.member_id], now);
    });
    return { ...(await this.get(user, id)), rematch: rematch ? { runId: rematch.runId, placed: rematch.placed, unplaced: rematch.unplaced, moved: rematch.moved } : null };
  }

  async withdraw(user: AuthenticatedUser, id: string, dto: WithdrawDto) {
    const now = new Date();
    const rematch = await this.dataSource.transaction(async (tx) => {
      const offer = await this.actionable(tx, user, id);
      this.refuse('withdraw', offer, now);
      await this.engine.endOffer(tx, offer, { status: 'withdrawn', now, byUserId: user.userId, reason: dto.reason, withdrawalKind: 'host-withdrew', releaseReason: 'host-withdrew', forbid: true });
      return this.engine.rematch(tx, (await loadDelegationById(tx, offer.delegation_id))!, offer.organisation_id, [offer.member_id], now);
    });
    return { ...(await this.get(user, id)), rematch: rematch ? { runId: rematch.runId, placed: rematch.placed, unplaced: rematch.unplaced, moved: rematch.moved } : null };
  }

  /**
   * Ends every open offer whose deadline has passed (`expired`, an end state) and re-matches each guest. One
   * transaction per delegation, under the delegation's lock; the UPDATE is guarded on `status = 'offered'`, so an
   * accept racing the deadline and this job can never both win.
   */
  async expireDue(now: Date): Promise<number> {
    const due = (await this.dataSource.query(`SELECT DISTINCT delegation_id FROM offer WHERE status = 'offered' AND deadline_at <= $1`, [now])) as { delegation_id: string }[];
    let n = 0;
    for (const { delegation_id } of due) {
      n += await this.dataSource.transaction(async (tx) => {
        await lockDelegation(tx, delegation_id);
        const offers = (await tx.query(`SELECT * FROM offer WHERE delegation_id = $1 AND status = 'offered' AND deadline_at <= $2 FOR UPDATE`, [delegation_id, now])) as OfferRow[];
        const ended = new Map<string, string[]>(); // host organisation -> members whose offer expired
        for (const o of offers) {
          if (await this.engine.endOffer(tx, o, { status: 'expired', now, reason: 'no answer before the deadline', forbid: true })) ended.set(o.organisation_id, [...(ended.get(o.organisation_id) ?? []), o.member_id]);
        }
        const d = await loadDelegationById(tx, delegation_id);
        if (d) for (const [org, members] of ended) await this.engine.rematch(tx, d, org, members, now);
        return [...ended.values()].reduce((n, m) => n + m.length, 0);
      });
    }
    return n;
  }

  /** The offer, locked, when the caller may act on it: a host of its family, or a coordinator/admin of its organisation. */
  private async actionable(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<OfferRow> {
    const peek = await this.visible(tx, user, id);
    await lockDelegation(tx, peek.delegation_id);
    const offer = await loadOffer(tx, id, true);
    if (!offer) throw offerNotFound(id);
    return offer;
  }

  /**
   * The vetting gate holds at the moment a host accepts, not only when the offer was made: a family that stopped being
   * eligible for minors since (a household change waiting for review, a check expired) may not take a minor in.
   */
  private async refuseUnvettedForMinor(tx: EntityManager, offer: OfferRow, d: NonNullable<Awaited<ReturnType<typeof loadDelegationById>>>, now: Date): Promise<void> {
    const guest = await loadGuest(tx, offer.member_id);
    if (!guest || !isMinorOnArrival(guest, d)) return;
    const [family] = (await tx.query('SELECT id, organisation_id, vetting_eligible FROM host_family WHERE id = $1 FOR UPDATE', [offer.family_id])) as { id: string; organisation_id: string; vetting_eligible: boolean }[];
    if (!family) return;
    const { evaluation } = await this.vetting.reevaluate(tx, family, now);
    if (!evaluation.eligible) {
      throw new DomainRuleError('OFFER.FAMILY_NOT_VETTED_FOR_MINORS', `this family may not host a minor now: ${evaluation.reasons.map((r) => r.code).join(', ')}`, undefined,
        { reasons: evaluation.reasons.map((r) => (r.code === 'CHECK_CONCERN' ? 'CHECK_REVIEW_REQUIRED' : r.code)) });
    }
  }

  private refuse(action: 'accept' | 'decline' | 'withdraw', offer: OfferRow, now: Date): void {
    const r = refusal(action, { status: offer.status, deadlineAt: new Date(offer.deadline_at) }, now);
    if (r) throw new DomainRuleError(r.code, r.message);
  }

  private async visible(tx: EntityManager, user: AuthenticatedUser, id: string): Promise<OfferViewRow> {
    const [row] = (await tx.query(`${VIEW_SELECT} WHERE o.id = $1 AND o.organisation_id = $2`, [id, user.organisationId])) as OfferViewRow[];
    if (!row) throw offerNotFound(id);
    if (!hasAnyRole(user, PLACEMENT_STAFF) && !row.host_user_ids.includes(user.userId)) throw offerNotFound(id);
    return row;
  }

  private async hostsOf(tx: EntityManager, familyId: string): Promise<string[]> {
    const [r] = (await tx.query(`SELECT host_user_ids FROM host_family WHERE id = $1`, [familyId])) as { host_user_ids: string[] }[];
    return r?.host_user_ids ?? [];
  }

  /**
   * What a host must know about the guest; diet and allergies only where the role and relation allow (sensitive-fields
   * rule). The offer belongs to the host organisation, the guest to the delegation's owner: staff of a partner it is
   * shared with are the "partner" relation, not the owner, and the family's hosts are the guest's hosts.
   */
  private view(user: AuthenticatedUser, r: OfferViewRow, now: Date) {
    const relation = relationsTo(user, { ownerOrganisationId: r.delegation_organisation_id, sharedWithCaller: r.shared_with_host_organisation, hostUserIds: r.host_user_ids });
    const clock = { status: r.status, deadlineAt: new Date(r.deadline_at) };
    const d = { startDate: r.start_date, endDate: r.end_date };
    const minor = isMinorOnArrival({ dateOfBirth: r.date_of_birth }, d);
    return {
      id: r.id, delegationId: r.delegation_id, delegation: { title: r.title, hostCity: r.host_city, hostTimeZone: r.host_time_zone ?? null, ...stayOf(d) }, memberId: r.member_id, participantId: r.participant_id,
      familyId: r.family_id, familyName: r.family_name, origin: r.origin, status: effectiveStatus(clock, now), deadlineAt: clock.deadlineAt, timeLeftSeconds: Math.floor(timeLeftMs(clock, now) / 1000),
      score: r.score, breakdown: r.breakdown, brokenRules: withheldForCaller(user, relation, r.broken_rules), overrideNote: r.override_note, createdAt: r.created_at, respondedAt: r.responded_at, responseReason: r.response_reason,
      confirmedAt: r.confirmed_at, endedAt: r.ended_at, endReason: r.end_reason,
      awaitingGuardianConsent: r.status === 'accepted' && minor,
      guest: {
        givenName: r.given_name, familyName: r.family_name_p, gender: r.gender, languages: r.languages ?? [], nationality: r.nationality, minor,
        ageOnArrival: r.date_of_birth ? ageOnArrival({ dateOfBirth: r.date_of_birth, stay: stayOf(d) }) : null,
        // codes of the vocabulary (the web app shows their labels) and the note that goes with them
        ...(maySee(user, relation, 'dietaryNeeds') ? { diet: r.diet ?? [], dietNote: r.diet_note ?? '' } : {}),
        ...(maySee(user, relation, 'allergies') ? { allergies: r.allergies ?? [], allergyNote: r.allergy_note ?? '' } : {}),
      },
    };
  }
}
