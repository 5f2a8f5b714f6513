import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { AuditEntryEntity } from '../audit/infrastructure/audit-entry.entity';
import { InvitationEntity } from '../identity/infrastructure/invitation.entity';
import { LoginFailureEntity } from '../identity/infrastructure/login-failure.entity';
import { MembershipEntity } from '../identity/infrastructure/membership.entity';
import { OrganisationEntity } from '../identity/infrastructure/organisation.entity';
import { RefreshTokenEntity } from '../identity/infrastructure/refresh-token.entity';
import { UserEntity } from '../identity/infrastructure/user.entity';
import { CreateIdentity1764460800000 } from './migrations/1764460800000-create-identity';
import { CreateAuditEntry1764460900000 } from './migrations/1764460900000-create-audit-entry';
import { AuditEntrySignInFailures1766300000000 } from './migrations/1766300000000-audit-entry-sign-in-failures';
import { AddSessionVersion1766400000100 } from './migrations/1766400000100-add-session-version';
import { AddAuditFactsOfServices1766700000001 } from './migrations/1766700000001-add-audit-facts-of-services';
import { CreatePasswordReset1766900000000 } from './migrations/1766900000000-create-password-reset';

export const gatewayEntities = [OrganisationEntity, UserEntity, MembershipEntity, InvitationEntity, RefreshTokenEntity, LoginFailureEntity, AuditEntryEntity];
export const gatewayMigrations = [
  CreateIdentity1764460800000,
  CreateAuditEntry1764460900000,
  AuditEntrySignInFailures1766300000000,
  AddSessionVersion1766400000100,
  AddAuditFactsOfServices1766700000001,
  CreatePasswordReset1766900000000,
];

/** The gateway's own database: identity (organisations, users, memberships, invitations, sessions) and the audit trail. */
export function gatewayDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({ url, entities: gatewayEntities, migrations: withMessagingMigrations(gatewayMigrations), applicationName: 'gateway' });
}
