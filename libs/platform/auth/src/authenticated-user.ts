import { Role } from './roles';

/** Who is calling: verified from the access token by every service, never taken from the request body. */
export interface AuthenticatedUser {
  userId: string;
  email: string;
  name: string;
  /** BCP 47, e.g. `en`, `zh-CN`, `ps`. */
  language: string;
  /** The organisation this token acts for (a user may belong to several; a token is for one). */
  organisationId: string;
  roles: Role[];
  /**
   * The account's session version when the token was issued (claim `sv`; 0 when absent). Every
   * service refuses a token whose version is below the one it last heard of for this user
   * (`user.sessions-revoked`), so a role change, removal, disabling or logout ends old tokens at once.
   */
  sessionVersion?: number;
}

export function hasAnyRole(user: AuthenticatedUser, roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}
