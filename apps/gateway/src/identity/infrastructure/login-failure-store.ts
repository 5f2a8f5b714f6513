import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AddressHistory, PairHistory, ThrottleDecision } from '../domain/login-throttle';

/**
 * The charged password checks (`login_failure`), shared by every gateway instance. A charge is decided
 * and written under a transaction-scoped advisory lock on the client address, so parallel attempts
 * from one address are counted one after the other and none is checked uncounted.
 */
@Injectable()
export class LoginFailureStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Reads the histories, asks `decide`, and charges one attempt when it allows, all under the address's lock. */
  async charge(account: string, address: string, now: Date, since: Date, decide: (pair: PairHistory, address: AddressHistory) => ThrottleDecision): Promise<ThrottleDecision> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('login_failure:' || $1, 0))`, [address]);
      // failures that left the window no longer count: keep the table small
      await tx.query(`DELETE FROM login_failure WHERE address = $1 AND failed_at < $2`, [address, since]);
      const [row] = await tx.query(
        `SELECT count(*)::int AS "addressFailures", min(failed_at) AS oldest,
                count(*) FILTER (WHERE account = $2)::int AS "pairFailures", max(failed_at) FILTER (WHERE account = $2) AS last
           FROM login_failure WHERE address = $1 AND failed_at >= $3`,
        [address, account, since],
      );
      const decision = decide(
        { failures: row.pairFailures, last: row.last ? new Date(row.last) : null },
        { failures: row.addressFailures, oldest: row.oldest ? new Date(row.oldest) : null },
      );
      if (decision.allowed) await tx.query(`INSERT INTO login_failure (account, address, failed_at) VALUES ($1, $2, $3)`, [account, address, now]);
      return decision;
    });
  }

  /** The right password from this address: its earlier failures for this account no longer count. */
  async clear(account: string, address: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failure WHERE account = $1 AND address = $2`, [account, address]);
  }

  /** The account's user id and the organisations it is a member of (for the audit trail), or null for an unknown email. */
  async accountOf(account: string): Promise<{ userId: string; organisationIds: string[] } | null> {
    const rows: { userId: string; organisationId: string | null }[] = await this.dataSource.query(
      `SELECT u.id AS "userId", m.organisation_id AS "organisationId" FROM app_user u LEFT JOIN membership m ON m.user_id = u.id WHERE lower(u.email) = $1`,
      [account],
    );
    if (!rows.length) return null;
    return { userId: rows[0].userId, organisationIds: rows.map((r) => r.organisationId).filter((o): o is string => !!o) };
  }
}
