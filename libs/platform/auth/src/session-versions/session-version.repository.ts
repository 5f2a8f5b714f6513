import { DataSource } from 'typeorm';
import { SessionVersions } from './session-versions';

/**
 * How long a looked-up version is reused. The guard runs on every request: with this bound a busy
 * user costs one primary-key read per second per service instance, and a revocation takes effect
 * at most this long after the service consumed its event (consumers poll every 50 ms).
 */
export const SESSION_VERSION_CACHE_MS = 1000;

/** The service's read model `auth_session_version` (user → highest session version heard of), with a short cache. */
export class SessionVersionRepository extends SessionVersions {
  private readonly cache = new Map<string, { version: number | undefined; until: number }>();

  constructor(private readonly dataSource: DataSource, private readonly cacheMs = SESSION_VERSION_CACHE_MS, private readonly maxEntries = 50_000) {
    super();
  }

  async current(userId: string): Promise<number | undefined> {
    const now = Date.now();
    const hit = this.cache.get(userId);
    if (hit && hit.until > now) return hit.version;
    const [row] = await this.dataSource.query(`SELECT session_version AS v FROM auth_session_version WHERE user_id = $1`, [userId]);
    const version = row ? Number(row.v) : undefined;
    // bounded memory: a burst of distinct users empties the cache rather than growing it
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(userId, { version, until: now + this.cacheMs });
    return version;
  }

  /** Called by the consumer once it recorded a newer version, so this instance need not wait for the cache to lapse. */
  forget(userId: string): void {
    this.cache.delete(userId);
  }
}
