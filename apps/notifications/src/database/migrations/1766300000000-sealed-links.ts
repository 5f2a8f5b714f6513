import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links that are bearer secrets (an invitation's accept URL) are stored only sealed to this service's key
 * (`sealed_link`, opened when the email is sent); the rendered bodies hold a placeholder. Invitation emails stored
 * before this held the live link in `text`, `html` and `link`: those links are removed, and such an email not sent
 * yet can no longer be sent (it fails, naming why: the admin invites again).
 */
export class SealedLinks1766300000000 implements MigrationInterface {
  name = 'SealedLinks1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery ADD COLUMN sealed_link text`);
    const token = `'(accept-invitation\\?token(=|&#x3D;))[A-Za-z0-9_%.~-]+'`;
    await q.query(`
      UPDATE delivery SET text = regexp_replace(text, ${token}, '\\1[removed]', 'g'), html = regexp_replace(html, ${token}, '\\1[removed]', 'g'),
             link = regexp_replace(link, ${token}, '\\1[removed]', 'g'),
             status = CASE WHEN status = 'queued' THEN 'failed' ELSE status END,
             last_error = CASE WHEN status = 'queued' THEN 'DELIVERY.LINK_REMOVED: the invitation link was stored in clear before links were sealed and has been removed; invite again' ELSE last_error END,
             next_attempt_at = CASE WHEN status = 'queued' THEN NULL ELSE next_attempt_at END
       WHERE type = 'invitation'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery DROP COLUMN sealed_link`);
  }
}
