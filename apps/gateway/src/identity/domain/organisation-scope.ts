import { AuthenticatedUser } from '@twinning/platform-auth';
import { IdentityError } from './identity-error';

/**
 * A token acts for one organisation: organisation-scoped endpoints refuse any other organisation's
 * id, whatever roles the caller holds there (they must sign in for that organisation).
 */
export function assertActsFor(user: AuthenticatedUser, organisationId: string): void {
  if (user.organisationId !== organisationId) {
    throw new IdentityError('forbidden', 'IDENTITY.OTHER_ORGANISATION', 'your session acts for another organisation');
  }
}
