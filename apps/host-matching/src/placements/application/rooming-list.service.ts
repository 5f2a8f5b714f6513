import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { ageOnArrival } from '../../matching/domain/candidates';
import { stayOf } from '../domain/matching-problem';
import { RoomingEntry, roomingList, RoomingList } from '../domain/rooming-list';
import { loadDelegation, loadGuests } from '../infrastructure/placement-rows';

/** The delegation's rooming list: every homestay guest with an open offer or a placement, by family; the rest as unplaced. */
@Injectable()
export class RoomingListService {
  constructor(private readonly dataSource: DataSource) {}

  async build(user: AuthenticatedUser, delegationId: string): Promise<RoomingList> {
    const tx = this.dataSource.manager;
    const d = await loadDelegation(tx, user, delegationId);
    const stay = stayOf(d);
    const rows = (await tx.query(
      `SELECT o.member_id, o.status, o.deadline_at, f.name AS family_name, f.address, m.role, p.given_name, p.family_name AS guest_family_name, p.gender, p.date_of_birth::text AS date_of_birth
       FROM offer o JOIN host_family f ON f.id = o.family_id JOIN hm_member m ON m.id = o.member_id LEFT JOIN hm_participant p ON p.id = o.participant_id
       WHERE o.delegation_id = $1 AND o.status IN ('offered', 'accepted', 'confirmed') AND NOT (o.status = 'offered' AND o.deadline_at <= now())`,
      [d.id],
    )) as { member_id: string; status: string; family_name: string; address: string; role: string; given_name: string | null; guest_family_name: string | null; gender: string | null; date_of_birth: string | null }[];
    const entries: RoomingEntry[] = rows.map((r) => ({
      familyName: r.family_name, address: r.address, guestName: r.given_name ? `${r.given_name} ${r.guest_family_name}` : `member ${r.member_id}`, gender: r.gender ?? '',
      ageOnArrival: r.date_of_birth ? (ageOnArrival({ dateOfBirth: r.date_of_birth, stay }) ?? null) : null, role: r.role, arrival: stay.from, departure: stay.to,
      status: r.status === 'accepted' ? 'accepted (awaiting guardian consent)' : r.status,
    }));
    const placed = new Set(rows.map((r) => r.member_id));
    const unplaced = (await loadGuests(tx, d.id)).filter((g) => !placed.has(g.memberId)).map((g) => ({ guestName: g.givenName ? `${g.givenName} ${g.familyName}` : `member ${g.memberId}`, role: g.role }));
    return roomingList({ id: d.id, title: d.title, hostCity: d.hostCity, startDate: d.startDate, endDate: d.endDate }, entries, unplaced);
  }
}
