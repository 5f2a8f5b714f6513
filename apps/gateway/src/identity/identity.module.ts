import { DynamicModule, Module } from '@nestjs/common';
import { AccessTokenSigner, parsePrivateKey, parseSealingPublicKey, SecretSealer } from '@twinning/platform-auth';
import { GatewayEnv } from '../config/gateway-env';
import { AcceptInvitationUseCase } from './application/accept-invitation.use-case';
import { ChangeMemberRolesUseCase } from './application/change-member-roles.use-case';
import { ConfirmPasswordResetUseCase } from './application/confirm-password-reset.use-case';
import { DisableAccountUseCase } from './application/disable-account.use-case';
import { EnableAccountUseCase } from './application/enable-account.use-case';
import { GetMeQuery } from './application/get-me.query';
import { IDENTITY_SETTINGS, identitySettingsFrom } from './application/identity-settings';
import { InviteUserUseCase } from './application/invite-user.use-case';
import { ListMembersQuery } from './application/list-members.query';
import { LoginUseCase } from './application/login.use-case';
import { LogoutUseCase } from './application/logout.use-case';
import { MembershipWriter } from './application/membership-writer';
import { PasswordAttempts } from './application/password-attempts';
import { RefreshSessionUseCase } from './application/refresh-session.use-case';
import { RequestPasswordResetUseCase } from './application/request-password-reset.use-case';
import { RegisterOrganisationUseCase } from './application/register-organisation.use-case';
import { RemoveMemberUseCase } from './application/remove-member.use-case';
import { SessionIssuer } from './application/session-issuer';
import { SessionRevoker } from './application/session-revoker';
import { LoginFailureStore } from './infrastructure/login-failure-store';
import { PasswordHasher } from './infrastructure/password-hasher';
import { PasswordResetStore } from './infrastructure/password-reset-store';
import { InvitationsController } from './http/invitations.controller';
import { MembersController } from './http/members.controller';
import { PasswordResetController } from './http/password-reset.controller';
import { SessionsController } from './http/sessions.controller';

/** Organisations, users, memberships, invitations, sign-in sessions. The gateway is the only holder of the signing key. */
@Module({})
export class IdentityModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [SessionsController, InvitationsController, MembersController, PasswordResetController],
      providers: [
        { provide: IDENTITY_SETTINGS, useValue: identitySettingsFrom(env) },
        { provide: AccessTokenSigner, useFactory: () => new AccessTokenSigner(parsePrivateKey(env.JWT_PRIVATE_KEY), env.ACCESS_TOKEN_TTL_SECONDS) },
        { provide: SecretSealer, useFactory: () => new SecretSealer(parseSealingPublicKey(env.INVITATION_LINK_PUBLIC_KEY)) },
        PasswordHasher,
        SessionIssuer,
        SessionRevoker,
        MembershipWriter,
        LoginFailureStore,
        PasswordAttempts,
        PasswordResetStore,
        RequestPasswordResetUseCase,
        ConfirmPasswordResetUseCase,
        LoginUseCase,
        RefreshSessionUseCase,
        LogoutUseCase,
        InviteUserUseCase,
        AcceptInvitationUseCase,
        RegisterOrganisationUseCase,
        ChangeMemberRolesUseCase,
        RemoveMemberUseCase,
        DisableAccountUseCase,
        EnableAccountUseCase,
        ListMembersQuery,
        GetMeQuery,
      ],
    };
  }
}
