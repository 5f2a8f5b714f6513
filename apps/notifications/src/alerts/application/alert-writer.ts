import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationRequest, NotificationSink } from '../../delivery/notification-request';
import { NotificationType } from '../../notification-types';
import { TemplateData } from '../../templates/template-data';
import { Addressee, distinctPeople } from '../domain/recipients';
import { AlertsSettings } from './alerts-settings';

type Common = Omit<NotificationRequest, 'type' | 'recipientUserId' | 'data'>;

/** Asks delivery for one notification per person (each once), with the data the type's templates expect. */
@Injectable()
export class AlertWriter {
  constructor(private readonly sink: NotificationSink, readonly settings: AlertsSettings) {}

  link(path: string): string {
    return this.settings.link(path);
  }

  async toEach<T extends NotificationType>(tx: EntityManager, type: T, people: Addressee[], common: Common, data: (p: Addressee) => TemplateData<T>): Promise<number> {
    const recipients = distinctPeople(people);
    for (const p of recipients) {
      await this.sink.enqueue(tx, { ...common, type, recipientUserId: p.userId, data: data(p) as unknown as Record<string, unknown> });
    }
    return recipients.length;
  }

  /** Withdraws the emails of `type` about `item` still waiting in a fold window (the problem no longer holds). */
  withdrawFolded(tx: EntityManager, type: NotificationType, item: string, reason: string): Promise<number> {
    return this.sink.withdrawFolded(tx, type, item, reason);
  }
}
