import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, PlacementConfirmedV1, PlacementHostBriefingV1, Topics } from '@twinning/contracts';
import { maySee } from '@twinning/platform-auth';
import { EventConsumer } from '@twinning/platform-messaging';
import { DelegationInfo, RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { hostBriefingNeeds } from '../domain/host-briefing-needs';
import { COORDINATION, greetingName } from '../domain/recipients';

/**
 * The welcome packets of a confirmed placement.
 * - `placement.host-briefing` (host matching's restricted topic, published with `placement.confirmed`) → to the
 *   family's hosts: the guest's name, the arrival (the member's booked arrival segment, else the first night) and the
 *   airport pickup if one is planned, what they must know about the guest (diet, allergies, a smoke-free home), and
 *   the programme's emergency contact.
 * - `placement.confirmed` → to the coordinators of the delegation's owning organisation (participants have no accounts): the family, its
 *   address, the stay, arrival and pickup, to pass on to the guest; none of the guest's sensitive fields.
 * The emergency contact is the coordinator who created the delegation (else the owner's first coordinator), with their
 * organisation's name; no event carries a phone number, so `phone` holds the contact's email address.
 */
@Injectable()
export class WelcomePacketConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.welcome-packets';
  readonly topics = [Topics.placementEvents, Topics.hostBriefingEvents];
  readonly types = ['placement.confirmed', 'placement.host-briefing'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const c = event.payload as PlacementConfirmedV1 | PlacementHostBriefingV1;
    const d = await this.q.delegation(tx, c.delegationId);
    const [arrival, pickup, name] = [await this.q.arrivalOf(tx, c.memberId), await this.q.pickupOf(tx, c.memberId), await this.q.participantName(tx, c.participantId)];
    const [offer] = (await tx.query(`SELECT guest_given_name FROM alert_offer WHERE offer_id = $1`, [c.offerId])) as { guest_given_name: string }[];
    const briefing = event.type === 'placement.host-briefing' ? (c as PlacementHostBriefingV1) : null;
    const guestName = name?.givenName ?? briefing?.guestGivenName ?? offer?.guest_given_name ?? '';
    const emergencyContact = await this.emergencyContact(tx, d);
    const timeZone = arrival?.arrivalTimeZone ?? pickup?.timeZone ?? d?.hostTimeZone ?? d?.organisationTimeZone ?? null;
    const common = { delegationTitle: d?.title ?? '', arrivalDateTime: arrival?.arrivalAt ?? c.stayFrom, stayFrom: c.stayFrom, stayTo: c.stayTo,
      pickup: pickup ? { time: pickup.meetingAt, airport: pickup.airport, driver: pickup.driverName } : null, emergencyContact };
    if (briefing) {
      const hosts = await this.q.people(tx, briefing.hostUserIds);
      // the recipients are the family's hosts: the guest's hosts in the sensitive-fields rule, which decides what
      // of the guest's needs they are told
      const asHost = { roles: ['host' as const] };
      const all = hostBriefingNeeds(briefing);
      const needs = {
        ...(maySee(asHost, 'host-of-guest', 'dietaryNeeds') ? { dietCodes: all.dietCodes, dietNote: all.dietNote } : { dietCodes: [], dietNote: null }),
        ...(maySee(asHost, 'host-of-guest', 'allergies') ? { allergyCodes: all.allergyCodes, allergyNote: all.allergyNote } : { allergyCodes: [], allergyNote: null }),
      };
      await this.writer.toEach(tx, 'welcome-packet-host', hosts, { eventId: event.eventId, organisationId: event.organisationId, delegationId: c.delegationId, subjectId: c.participantId, timeZone },
        (h) => ({ hostName: greetingName(h), guestName, ...common, needs }));
      return;
    }
    const confirmed = c as PlacementConfirmedV1;
    const ownerId = d?.organisationId ?? event.organisationId;
    const coordinators = await this.q.withRoles(tx, [ownerId], [...COORDINATION]);
    await this.writer.toEach(tx, 'welcome-packet-guest', coordinators, { eventId: event.eventId, organisationId: ownerId, delegationId: c.delegationId, subjectId: c.participantId, timeZone },
      () => ({ guestName: name?.fullName ?? guestName, hostFamilyName: confirmed.familyName, hostAddress: confirmed.address, ...common }));
  }

  private async emergencyContact(tx: EntityManager, d: DelegationInfo | null): Promise<{ name: string; phone: string }> {
    if (!d) return { name: '', phone: '' };
    const [creator] = d.createdByUserId ? await this.q.people(tx, [d.createdByUserId]) : [];
    const person = creator?.name ? creator : (await this.q.withRoles(tx, [d.organisationId], [...COORDINATION]))[0];
    const [org] = (await tx.query(`SELECT name FROM rcp_organisation WHERE organisation_id = $1`, [d.organisationId])) as { name: string }[];
    const who = person?.name ?? '';
    return { name: org ? (who ? `${who} (${org.name})` : org.name) : who, phone: person?.email ?? '' };
  }
}
