import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthenticatedUser } from '@twinning/platform-auth';
import { loadDelegation } from '../../roster/infrastructure/roster-rows';
import { buildManifest, Manifest, ManifestKind, ManifestSegment } from '../domain/manifest';
import { placeOf } from '../domain/places';

interface Row {
  id: string; mode: string; carrier: string | null; number: string | null; status: string; booking_reference: string | null; from_code: string; to_code: string;
  departure_at: Date; departure_local: string; departure_time_zone: string; arrival_at: Date; arrival_local: string; arrival_time_zone: string;
  travellers: { memberId: string; name: string }[];
}

/** Arrival and departure manifests of a delegation (issue #6 item 2): segments not cancelled, travellers by name. */
@Injectable()
export class ManifestsService {
  constructor(private readonly dataSource: DataSource) {}

  async build(user: AuthenticatedUser, delegationId: string, kind: ManifestKind, includeRequested = true): Promise<Manifest> {
    return this.dataSource.transaction(async (tx) => {
      const d = await loadDelegation(tx, user, delegationId);
      const rows = (await tx.query(
        `SELECT s.id, s.mode, s.carrier, s.number, s.status, s.booking_reference, s.from_code, s.to_code, s.departure_at, s.departure_local, s.departure_time_zone,
           s.arrival_at, s.arrival_local, s.arrival_time_zone,
           COALESCE((SELECT json_agg(json_build_object('memberId', sm.member_id,
               'name', COALESCE(NULLIF(trim(concat_ws(' ', p.given_name, p.family_name)), ''), 'member ' || sm.member_id::text)))
             FROM travel_segment_member sm LEFT JOIN lg_member m ON m.id = sm.member_id LEFT JOIN lg_participant p ON p.id = m.participant_id
             WHERE sm.segment_id = s.id), '[]') AS travellers
         FROM travel_segment s WHERE s.delegation_id = $1 AND s.direction = $2 AND s.status <> 'cancelled' ${includeRequested ? '' : `AND s.status = 'booked'`}`,
        [d.id, kind === 'arrivals' ? 'arrival' : 'departure'],
      )) as Row[];
      const segments: ManifestSegment[] = rows.map((r) => {
        const from = placeOf(r.from_code, r.departure_time_zone);
        const to = placeOf(r.to_code, r.arrival_time_zone);
        const [here, there] = kind === 'arrivals' ? [to, from] : [from, to];
        return {
          segmentId: r.id, mode: r.mode, carrier: r.carrier, number: r.number, status: r.status, bookingReference: r.booking_reference,
          place: { code: here.code, name: here.name, timeZone: here.timeZone }, otherEnd: { code: there.code, name: there.name },
          at: new Date(kind === 'arrivals' ? r.arrival_at : r.departure_at), local: kind === 'arrivals' ? r.arrival_local : r.departure_local, travellers: r.travellers,
        };
      });
      return buildManifest(kind, { id: d.id, title: d.title, hostCity: d.hostCity, startDate: d.startDate, endDate: d.endDate }, segments);
    });
  }
}
