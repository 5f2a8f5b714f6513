/**
 * Where the guard learns the lowest session version a user's tokens must carry. Each service keeps
 * it in its own database from `user.sessions-revoked` (see SessionVersionRepository); `undefined`
 * means the service has not heard of the user yet.
 */
export abstract class SessionVersions {
  abstract current(userId: string): Promise<number | undefined>;
}
