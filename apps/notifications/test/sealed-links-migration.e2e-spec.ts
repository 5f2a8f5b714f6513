import { randomUUID } from 'node:crypto';
import { DataSource, DataSourceOptions } from 'typeorm';
import { TestDatabase } from '@twinning/testing';
import { notificationsDataSourceOptions } from '../src/database/data-source';
import { SealedLinks1766300000000 } from '../src/database/migrations/1766300000000-sealed-links';

/**
 * Invitation emails stored before links were sealed held the live link in their bodies: the migration that brings
 * sealed links removes those tokens (real Postgres), fails the ones not sent yet (they could only be sent with the
 * token) and leaves every other message alone.
 */
describe('migration: invitation links stored in clear are removed (real Postgres)', () => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  async function migrate(options: DataSourceOptions): Promise<void> {
    const ds = await new DataSource(options).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  }

  it('scrubs the token from text, html and link, fails the queued invitation, keeps the rest', async () => {
    db = await TestDatabase.create('notifications_sealed_links');
    const all = notificationsDataSourceOptions(db.url);
    // every migration before this one (by the timestamp at the end of its class name)
    const stamp = (m: { name: string }) => Number(/(\d{13})$/.exec(m.name)?.[1] ?? 0);
    const earlier = (all.migrations as { name: string }[]).filter((m) => stamp(m) < stamp(SealedLinks1766300000000));
    expect(earlier.length).toBeLessThan((all.migrations as unknown[]).length);
    await migrate({ ...all, migrations: earlier as unknown as DataSourceOptions['migrations'] } as DataSourceOptions);

    const token = 'kq3Zx_secret-VALUE0123456789abcdefghijklmnopq';
    const row = (status: string, type = 'invitation') => [randomUUID(), randomUUID(), randomUUID(), type, status,
      `Accept: https://twinning.example/accept-invitation?token=${token}\nThanks`,
      `<a href="https://twinning.example/accept-invitation?token&#x3D;${token}">https://twinning.example/accept-invitation?token&#x3D;${token}</a>`,
      `https://twinning.example/accept-invitation?token=${token}`];
    const rows = { sent: row('sent'), queued: row('queued'), other: row('queued', 'offer-made') };
    for (const r of Object.values(rows)) {
      await db.query(
        `INSERT INTO delivery (id, event_id, recipient_user_id, channel, type, category, locale, subject, text, html, link, status, next_attempt_at)
         VALUES ($1, $2, $3, 'email', $4, 'account', 'en', 'subject', $6, $7, $8, $5, now())`, r);
    }

    await migrate(all);
    const after = await db.query<{ id: string; text: string; html: string; link: string; status: string; last_error: string | null; sealed_link: string | null }>(
      `SELECT id, text, html, link, status, last_error, sealed_link FROM delivery`);
    const byId = Object.fromEntries(after.map((r) => [r.id, r]));
    for (const key of ['sent', 'queued'] as const) {
      const r = byId[rows[key][0]];
      expect(JSON.stringify(r)).not.toContain(token);
      expect(r.text).toBe('Accept: https://twinning.example/accept-invitation?token=[removed]\nThanks');
      expect(r.html).toContain('accept-invitation?token&#x3D;[removed]');
      expect(r.sealed_link).toBeNull();
    }
    expect(byId[rows.sent[0]]).toMatchObject({ status: 'sent', last_error: null });
    expect(byId[rows.queued[0]]).toMatchObject({ status: 'failed', last_error: expect.stringMatching(/^DELIVERY\.LINK_REMOVED: .*invite again$/) });
    // not an invitation: untouched
    expect(byId[rows.other[0]]).toMatchObject({ status: 'queued', link: `https://twinning.example/accept-invitation?token=${token}` });
  });
});
