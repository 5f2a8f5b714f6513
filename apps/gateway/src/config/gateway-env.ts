import { IsInt, IsOptional, IsString, IsUrl, Max, Min, Validate } from 'class-validator';
import { BaseServiceEnv } from '@twinning/platform-config';
import { IsPrivateKey, IsSealingPublicKey } from '@twinning/platform-auth';
import { PairsWithPublicKey } from './key-pair.validator';

const URL_OPTS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class GatewayEnv extends BaseServiceEnv {
  override PORT = 3000;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_gateway';

  @IsUrl(URL_OPTS)
  DELEGATIONS_URL = 'http://127.0.0.1:3001';

  @IsUrl(URL_OPTS)
  HOST_MATCHING_URL = 'http://127.0.0.1:3002';

  @IsUrl(URL_OPTS)
  LOGISTICS_URL = 'http://127.0.0.1:3003';

  @IsUrl(URL_OPTS)
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';

  /** Ed25519 private key (PEM or base64 PEM) that signs access tokens; must pair with JWT_PUBLIC_KEY. Only the gateway has it. */
  @IsPrivateKey()
  @Validate(PairsWithPublicKey)
  JWT_PRIVATE_KEY!: string;

  /**
   * The notifications service's X25519 public key (PEM or base64 PEM): invitation links are sealed to it in
   * `user.invited`, so only that service can read them (it holds INVITATION_LINK_PRIVATE_KEY). The gateway cannot open them.
   */
  @IsSealingPublicKey()
  INVITATION_LINK_PUBLIC_KEY!: string;

  /** Where people open the web app: invitation links are `<PUBLIC_WEB_URL>/accept-invitation?token=...`. */
  @IsUrl(URL_OPTS)
  PUBLIC_WEB_URL = 'http://127.0.0.1:3000';

  /** The built web app the gateway serves at / (default: dist/web beside the gateway's build; `npm run web:build`). */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS: number = 168;

  /** How long a "forgot password" link works. */
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES: number = 60;

  /** Reset emails one account may be sent within PASSWORD_RESET_WINDOW_SECONDS (further requests get the usual answer and no email). */
  @IsInt()
  @Min(1)
  PASSWORD_RESET_MAX_PER_ACCOUNT: number = 3;

  /** Reset requests one client address may make (for any email, known or not) within the window before 429. */
  @IsInt()
  @Min(1)
  PASSWORD_RESET_MAX_PER_ADDRESS: number = 20;

  @IsInt()
  @Min(60)
  @Max(86400)
  PASSWORD_RESET_WINDOW_SECONDS: number = 3600;

  /**
   * Failed password checks of one account from one client address before each further attempt from there must wait
   * (LOGIN_DELAY_BASE_SECONDS, doubling with each failure, at most LOGIN_MAX_DELAY_SECONDS). Another address is not
   * slowed down, so a stranger cannot lock the owner out.
   */
  @IsInt()
  @Min(1)
  LOGIN_FREE_FAILURES: number = 5;

  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_DELAY_BASE_SECONDS: number = 2;

  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_MAX_DELAY_SECONDS: number = 900;

  /** Failed logins from one client address (any account) within the window before further attempts get 429. */
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ADDRESS: number = 30;

  @IsInt()
  @Min(10)
  @Max(86400)
  LOGIN_FAILURE_WINDOW_SECONDS: number = 900;

  /**
   * Reverse proxies in front of the gateway whose X-Forwarded-For entries are trusted for the client
   * address (0: the TCP peer is the client).
   */
  @IsInt()
  @Min(0)
  @Max(5)
  TRUSTED_PROXY_HOPS: number = 0;
}
