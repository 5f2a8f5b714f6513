import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { loadSegments } from '../../conflicts/infrastructure/conflict-rows';
import { loadRuns } from '../../pickups/infrastructure/pickup-rows';
import { DelegationRecord, loadDelegation, loadMembers, loadPlacements } from '../../roster/infrastructure/roster-rows';
import { GuestLogistics, guestLogistics } from '../domain/guest-logistics';
import { hostedDelegationIds } from '../infrastructure/hosted-delegations';

export interface MyPlacement extends GuestLogistics {
  offerId: string;
  status: 'confirmed';
  delegation: { id: string; title: string; hostCity: string; hostTimeZone: string | null; startDate: string; endDate: string; status: string };
  family: { id: string; name: string };
  /** names only: no health, passport or contact data */
  guest: { memberId: string; participantId: string | null; givenName: string | null; familyName: string | null };
  stay: { from: string; to: string };
}

/**
 * A host's confirmed placements (issue #8: "see confirmed placements with arrival and pickup details"): every
 * confirmed placement of a family the caller hosts, in a delegation the caller's organisation owns or shares, with the
 * guest's name, the arrival and departure journeys and the airport pickup run. Another family's guests never appear:
 * a placement is answered only when the caller's user id is among its host users.
 */
@Injectable()
export class MyPlacementsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthenticatedUser): Promise<{ items: MyPlacement[]; total: number }> {
    const tx = this.dataSource.manager;
    const items: MyPlacement[] = [];
    for (const id of await hostedDelegationIds(tx, user.userId)) {
      const d = await visible(tx, user, id);
      if (d) items.push(...(await this.ofDelegation(tx, user, d)));
    }
    items.sort((a, b) => a.stay.from.localeCompare(b.stay.from) || a.delegation.title.localeCompare(b.delegation.title)
      || (a.guest.familyName ?? '').localeCompare(b.guest.familyName ?? '') || a.offerId.localeCompare(b.offerId));
    return { items, total: items.length };
  }

  private async ofDelegation(tx: EntityManager, user: AuthenticatedUser, d: DelegationRecord): Promise<MyPlacement[]> {
    const placements = (await loadPlacements(tx, d.id)).filter((p) => p.hostUserIds.includes(user.userId));
    if (!placements.length) return [];
    const members = new Map((await loadMembers(tx, d)).map((m) => [m.memberId, m]));
    const segments = await loadSegments(tx, d.id);
    const runs = await loadRuns(tx, d.id);
    return placements.map((p) => {
      const m = members.get(p.memberId);
      return {
        offerId: p.offerId, status: 'confirmed',
        delegation: { id: d.id, title: d.title, hostCity: d.hostCity, hostTimeZone: d.hostTimeZone, startDate: d.startDate, endDate: d.endDate, status: d.status },
        family: { id: p.familyId, name: p.familyName },
        guest: { memberId: p.memberId, participantId: m?.participantId ?? null, givenName: m?.givenName ?? null, familyName: m?.familyName ?? null },
        stay: { from: p.stayFrom, to: p.stayTo },
        ...guestLogistics(p.memberId, segments, runs),
      };
    });
  }
}

/** The delegation when the caller's organisation owns it or it is shared with it (roster-rows' rule), else undefined. */
async function visible(tx: EntityManager, user: AuthenticatedUser, delegationId: string): Promise<DelegationRecord | undefined> {
  try {
    return await loadDelegation(tx, user, delegationId);
  } catch (e) {
    if (e instanceof NotFoundException) return undefined;
    throw e;
  }
}
