import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestDatabase, undoMigrationsThrough } from '@twinning/testing';
import { notificationsDataSourceOptions } from '../src/database/data-source';

/**
 * The migration that brings problem fold windows, up, down and up again on a real database: undoing it releases a
 * problem still waiting in its window to the sender (no accepted notification is lost) and removes the columns.
 */
describe('migration: problem fold windows (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('down releases a waiting problem to the sender and drops the columns; up again restores them', async () => {
    db = await TestDatabase.create('notifications_problem_folds_migration');
    ds = await new DataSource(notificationsDataSourceOptions(db.url)).initialize();
    await ds.runMigrations();
    const id = randomUUID();
    await ds.query(
      `INSERT INTO delivery (id, event_id, recipient_user_id, channel, type, category, locale, subject, text, html, status, next_attempt_at, digest_day, fold_until, fold_item, summary)
       VALUES ($1, $1, $1, 'email', 'conflict-raised', 'logistics', 'en', 'Logistics problem', 't', 'h', 'queued', now(), current_date, now() + interval '15 minutes', 'K', 'Wei has no bed')`,
      [id]);

    await undoMigrationsThrough(ds, 'ProblemFolds1766800000000');
    const [row] = await ds.query(`SELECT * FROM delivery WHERE id = $1`, [id]);
    expect(row).toMatchObject({ status: 'queued', digest_day: null });
    expect(row).not.toHaveProperty('fold_until');
    expect(row).not.toHaveProperty('summary');

    await ds.runMigrations();
    const [again] = await ds.query(`SELECT fold_until, fold_item, summary FROM delivery WHERE id = $1`, [id]);
    expect(again).toEqual({ fold_until: null, fold_item: null, summary: null });
  });
});
