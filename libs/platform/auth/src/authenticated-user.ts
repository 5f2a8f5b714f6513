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
}

export function hasAnyRole(user: AuthenticatedUser, roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}
