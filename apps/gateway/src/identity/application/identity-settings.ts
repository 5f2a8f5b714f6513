import { GatewayEnv } from '../../config/gateway-env';
import { ThrottleLimits } from '../domain/login-throttle';
import { PasswordResetLimits } from '../domain/password-reset-throttle';

export const IDENTITY_SETTINGS = Symbol('IDENTITY_SETTINGS');

export interface IdentitySettings {
  publicWebUrl: string;
  refreshTokenTtlDays: number;
  invitationTtlHours: number;
  throttle: ThrottleLimits;
  passwordResetTtlMinutes: number;
  passwordReset: PasswordResetLimits;
  trustedProxyHops: number;
}

export function identitySettingsFrom(env: GatewayEnv): IdentitySettings {
  return {
    publicWebUrl: env.PUBLIC_WEB_URL.replace(/\/+$/, ''),
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    invitationTtlHours: env.INVITATION_TTL_HOURS,
    throttle: {
      freeFailures: env.LOGIN_FREE_FAILURES,
      delayBaseSeconds: env.LOGIN_DELAY_BASE_SECONDS,
      maxDelaySeconds: env.LOGIN_MAX_DELAY_SECONDS,
      perAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    passwordReset: {
      perAccount: env.PASSWORD_RESET_MAX_PER_ACCOUNT,
      perAddress: env.PASSWORD_RESET_MAX_PER_ADDRESS,
      windowSeconds: env.PASSWORD_RESET_WINDOW_SECONDS,
    },
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}
