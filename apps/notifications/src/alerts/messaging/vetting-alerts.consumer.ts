import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, FamilyVettingExpiringV1, Topics } from '@twinning/contracts';
import { EventConsumer } from '@twinning/platform-messaging';
import { RecipientQueries } from '../../recipients/application/recipient-queries';
import { AlertWriter } from '../application/alert-writer';
import { COORDINATION, greetingName } from '../domain/recipients';

/**
 * `family.vetting-expiring` → the coordinators of the family's organisation and the family's hosts (a renewal
 * reminder; digestible). Household members' names never leave host matching, so `memberName` is the member's relation
 * in the household as `family.registered` carries it (e.g. `parent`), or empty when unknown.
 */
@Injectable()
export class VettingAlertsConsumer implements EventConsumer {
  readonly groupId = 'notifications.alerts.vetting';
  readonly topics = [Topics.familyEvents];
  readonly types = ['family.vetting-expiring'];

  constructor(private readonly writer: AlertWriter, private readonly q: RecipientQueries) {}

  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    const v = event.payload as FamilyVettingExpiringV1;
    const family = await this.q.family(tx, v.familyId);
    const organisationId = family?.organisationId ?? event.organisationId;
    const [member] = (await tx.query(`SELECT relation FROM rcp_family_member WHERE member_id = $1`, [v.memberId])) as { relation: string }[];
    const people = [...(await this.q.withRoles(tx, [organisationId], [...COORDINATION])), ...(await this.q.people(tx, family?.hostUserIds ?? []))];
    await this.writer.toEach(tx, 'vetting-expiring', people, {
      eventId: event.eventId, organisationId, subjectId: v.memberId, timeZone: await this.q.organisationTimeZone(tx, organisationId),
    }, (r) => ({ recipientName: greetingName(r), familyName: family?.name ?? '', memberName: member?.relation ?? '', expiresOn: v.expiresOn,
      familyUrl: this.writer.link(`/families/${v.familyId}/vetting`) }));
  }
}
