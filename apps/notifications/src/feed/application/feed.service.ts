import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeliveryRow } from '../../delivery/infrastructure/delivery-rows';

const feedEntry = (r: DeliveryRow) => ({
  id: r.id, type: r.type, category: r.category, delegationId: r.delegation_id, subjectId: r.subject_id, locale: r.locale, subject: r.subject, text: r.text,
  html: r.html, read: r.status === 'read', createdAt: r.created_at, readAt: r.read_at,
});

/** A person's in-app notices: the in-app delivery rows addressed to them (opted-out ones were never shown). */
@Injectable()
export class FeedService {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, limit: number, offset: number, unreadOnly: boolean) {
    const statuses = unreadOnly ? ['sent'] : ['sent', 'read'];
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM delivery WHERE recipient_user_id = $1 AND channel = 'in-app' AND status = ANY($2)`, [userId, statuses],
    )) as { n: number }[];
    const rows = (await this.dataSource.query(
      `SELECT * FROM delivery WHERE recipient_user_id = $1 AND channel = 'in-app' AND status = ANY($2) ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
      [userId, statuses, limit, offset],
    )) as DeliveryRow[];
    return { items: rows.map(feedEntry), total: n, unread: await this.unreadCount(userId), limit, offset };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM delivery WHERE recipient_user_id = $1 AND channel = 'in-app' AND status = 'sent'`, [userId],
    )) as { n: number }[];
    return n;
  }

  /** Marks one of the caller's notices read (again: no change); another person's, or no such notice: 404. */
  async markRead(userId: string, deliveryId: string) {
    const rows = (await this.dataSource.query(
      `UPDATE delivery SET status = 'read', read_at = COALESCE(read_at, now())
       WHERE id = $1 AND recipient_user_id = $2 AND channel = 'in-app' AND status IN ('sent', 'read') RETURNING *`,
      [deliveryId, userId],
    )) as [DeliveryRow[], number];
    const row = rows[0]?.[0];
    if (!row) throw new NotFoundException({ statusCode: 404, code: 'NOTIFICATION.UNKNOWN', message: `no notification ${deliveryId} in your feed` });
    return feedEntry(row);
  }
}
