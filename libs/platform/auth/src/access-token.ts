import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { AuthenticatedUser } from './authenticated-user';
import { isRole } from './roles';

export const TOKEN_ISSUER = 'twinning-gateway';
export const TOKEN_AUDIENCE = 'twinning';
/** Ed25519 signatures: only the gateway holds the private key; every service verifies with the public key. */
export const TOKEN_ALG = 'EdDSA';

export class InvalidTokenError extends Error {
  constructor(readonly code: 'AUTH.TOKEN_MISSING' | 'AUTH.TOKEN_INVALID' | 'AUTH.TOKEN_EXPIRED' | 'AUTH.SESSION_REVOKED', message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Accepts a PEM, or the PEM base64-encoded on one line (handy in env files). */
export function readPem(value: string): string {
  const v = value.trim();
  return v.startsWith('-----BEGIN') ? v.replace(/\\n/g, '\n') : Buffer.from(v, 'base64').toString('utf8');
}

export function parsePublicKey(value: string): KeyObject {
  return createPublicKey(readPem(value));
}

export function parsePrivateKey(value: string): KeyObject {
  return createPrivateKey(readPem(value));
}

export class AccessTokenVerifier {
  constructor(private readonly publicKey: KeyObject) {}

  async verify(token: string | undefined): Promise<AuthenticatedUser> {
    if (!token) throw new InvalidTokenError('AUTH.TOKEN_MISSING', 'an access token is required (Authorization: Bearer ...)');
    try {
      // jose accepts a token without `exp` as never expiring: such a token could not be ended by waiting, so it is refused
      const { payload } = await jwtVerify(token, this.publicKey, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: [TOKEN_ALG], requiredClaims: ['exp', 'iat'] });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      if (typeof payload.sub !== 'string' || typeof payload.org !== 'string') throw new Error('missing subject or organisation');
      if (payload.sv !== undefined && !(Number.isSafeInteger(payload.sv) && (payload.sv as number) >= 0)) throw new Error('session version is not a whole number');
      return {
        userId: payload.sub,
        organisationId: payload.org,
        roles,
        email: String(payload.email ?? ''),
        name: String(payload.name ?? ''),
        language: String(payload.lang ?? 'en'),
        // a token from before session versions existed counts as version 0: any revocation ends it
        sessionVersion: (payload.sv as number | undefined) ?? 0,
      };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw new InvalidTokenError('AUTH.TOKEN_EXPIRED', 'the access token has expired; refresh it');
      throw new InvalidTokenError('AUTH.TOKEN_INVALID', 'the access token is not valid');
    }
  }
}

export class AccessTokenSigner {
  constructor(private readonly privateKey: KeyObject, private readonly ttlSeconds = 900) {}

  get ttl(): number {
    return this.ttlSeconds;
  }

  async sign(user: AuthenticatedUser): Promise<string> {
    return new SignJWT({ org: user.organisationId, roles: user.roles, email: user.email, name: user.name, lang: user.language, ...(user.sessionVersion ? { sv: user.sessionVersion } : {}) })
      .setProtectedHeader({ alg: TOKEN_ALG, typ: 'JWT' })
      .setSubject(user.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.privateKey);
  }
}
