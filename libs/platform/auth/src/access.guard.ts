import { CanActivate, ExecutionContext, ForbiddenException, Injectable, Optional, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule } from './access-rules.decorators';
import { AccessTokenVerifier, InvalidTokenError } from './access-token';
import { AuthenticatedUser, hasAnyRole } from './authenticated-user';
import { SessionVersions } from './session-versions/session-versions';

/**
 * Global guard of every service: verifies the bearer token itself and applies the endpoint's
 * declared rule. An endpoint without a declared rule is refused (deny by default). A token whose
 * session version is below the one this service last heard of for the user (a role change, removal,
 * disabling or logout since it was issued) is refused too; a user the service has not heard of yet
 * (a fresh start, or the event still on its way) is taken at the token's word, since only the
 * gateway can sign one and it expires within ACCESS_TOKEN_TTL_SECONDS.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly verifier: AccessTokenVerifier, @Optional() private readonly sessions?: SessionVersions) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) {
      throw new ForbiddenException({ statusCode: 403, code: 'AUTH.NO_ACCESS_RULE', message: 'this endpoint declares no access rule and is refused' });
    }
    if (rule.kind === 'public') return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthenticatedUser }>();
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    let user: AuthenticatedUser;
    try {
      user = await this.verifier.verify(token);
    } catch (e) {
      const err = e as InvalidTokenError;
      throw new UnauthorizedException({ statusCode: 401, code: err.code ?? 'AUTH.TOKEN_INVALID', message: err.message });
    }
    const current = await this.sessions?.current(user.userId);
    if (current !== undefined && (user.sessionVersion ?? 0) < current) {
      throw new UnauthorizedException({ statusCode: 401, code: 'AUTH.SESSION_REVOKED', message: 'this session was ended (roles changed, membership removed, account disabled or signed out); refresh or sign in again' });
    }
    req.user = user;
    if (rule.kind === 'roles' && !hasAnyRole(user, rule.roles)) {
      throw new ForbiddenException({ statusCode: 403, code: 'AUTH.ROLE_REQUIRED', message: `requires one of the roles: ${rule.roles.join(', ')}` });
    }
    return true;
  }
}
