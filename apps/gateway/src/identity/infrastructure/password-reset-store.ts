import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordResetFacts } from '../domain/password-reset-state';

export interface ResetAccount {
  userId: string;
  email: string;
  name: string;
  language: string;
  disabled: boolean;
}

export interface StoredReset extends PasswordResetFacts {
  id: string;
  userId: string;
}

/** Reset links (`password_reset`, only the tokens' SHA-256) and the per-address request count; the only SQL of "forgot password". */
@Injectable()
export class PasswordResetStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Under a transaction-scoped advisory lock on the client address (parallel requests are counted one after the
   * other): the address's requests in the window, and the account's reset emails in it, for `decide`; one request
   * of the address is counted when it allows. Runs in the caller's transaction.
   */
  async lockAndCount(tx: EntityManager, address: string, userId: string | null, since: Date): Promise<{ requests: number; oldest: Date | null; accountEmails: number | null }> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('password_reset:' || $1, 0))`, [address]);
    // requests that left the window no longer count: keep the table small
    await tx.query(`DELETE FROM password_reset_request WHERE address = $1 AND requested_at < $2`, [address, since]);
    const [a] = await tx.query(`SELECT count(*)::int AS n, min(requested_at) AS oldest FROM password_reset_request WHERE address = $1`, [address]);
    let accountEmails: number | null = null;
    if (userId) {
      // the account's own lock: two addresses asking for one account at once are counted one after the other
      await tx.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
      const [u] = await tx.query(`SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1 AND created_at >= $2`, [userId, since]);
      accountEmails = u.n;
    }
    return { requests: a.n, oldest: a.oldest ? new Date(a.oldest) : null, accountEmails };
  }

  async countRequest(tx: EntityManager, address: string, at: Date): Promise<void> {
    await tx.query(`INSERT INTO password_reset_request (address, requested_at) VALUES ($1, $2)`, [address, at]);
  }

  async accountByEmail(account: string): Promise<ResetAccount | null> {
    const [u] = await this.dataSource.query(`SELECT id AS "userId", email, name, language, disabled FROM app_user WHERE lower(email) = $1`, [account]);
    return u ?? null;
  }

  /** Stores a new link for the account; its earlier links that are still open stop working. */
  async replaceOpenAndInsert(tx: EntityManager, reset: { id: string; userId: string; tokenHash: string; expiresAt: Date }, now: Date): Promise<void> {
    await tx.query(`UPDATE password_reset SET replaced_at = $2 WHERE user_id = $1 AND used_at IS NULL AND replaced_at IS NULL`, [reset.userId, now]);
    await tx.query(`INSERT INTO password_reset (id, user_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)`, [reset.id, reset.userId, reset.tokenHash, reset.expiresAt, now]);
  }

  /** The link with this token hash, locked for the caller's transaction, or null. */
  async lockByTokenHash(tx: EntityManager, tokenHash: string): Promise<StoredReset | null> {
    const [r] = await tx.query(
      `SELECT id, user_id AS "userId", expires_at AS "expiresAt", used_at AS "usedAt", replaced_at AS "replacedAt" FROM password_reset WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return r ? { ...r, expiresAt: new Date(r.expiresAt), usedAt: r.usedAt ? new Date(r.usedAt) : null, replacedAt: r.replacedAt ? new Date(r.replacedAt) : null } : null;
  }

  /** The link is used; every other open link of the account stops working with it. */
  async markUsed(tx: EntityManager, reset: StoredReset, now: Date): Promise<void> {
    await tx.query(`UPDATE password_reset SET used_at = $2 WHERE id = $1`, [reset.id, now]);
    await tx.query(`UPDATE password_reset SET replaced_at = $3 WHERE user_id = $1 AND id <> $2 AND used_at IS NULL AND replaced_at IS NULL`, [reset.userId, reset.id, now]);
  }
}
