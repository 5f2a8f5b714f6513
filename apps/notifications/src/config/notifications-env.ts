import { IsEmail, IsInt, IsNotEmpty, IsString, Max, Min, ValidateIf } from 'class-validator';
import { BaseServiceEnv } from '@twinning/platform-config';
import { IsSealingPrivateKey } from '@twinning/platform-auth';

export class NotificationsEnv extends BaseServiceEnv {
  override PORT = 3004;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_notifications';

  /** Email: the SMTP server (the local run's sink, tools/smtp-sink, listens on 127.0.0.1:1025; production: the relay). */
  @IsString()
  @IsNotEmpty()
  SMTP_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  SMTP_PORT: number = 1025;

  /** The From address of every email: a bare address or `Name <address>`. */
  @ValidateIf((e: NotificationsEnv) => !/<[^>]+>$/.test(e.SMTP_FROM))
  @IsEmail({ require_tld: false }, { message: 'SMTP_FROM must be an email address or "Name <address>"' })
  SMTP_FROM: string = 'Twinning <notifications@twinning.local>';

  /** Email retries: attempt n+1 waits NOTIFY_RETRY_BASE_MS × 2^(n-1) (capped at 6 h) after attempt n failed. */
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  NOTIFY_RETRY_BASE_MS: number = 30_000;

  /** After this many failed attempts an email is `failed` and `notification.delivery-failed` is published. */
  @IsInt()
  @Min(1)
  @Max(50)
  NOTIFY_MAX_ATTEMPTS: number = 8;

  /** How often the sender looks for queued emails that are due (0: never, tests drive it). */
  @IsInt()
  @Min(0)
  EMAIL_SEND_INTERVAL_MS: number = 1000;

  /**
   * How long the sender may hold its claim on the email it is sending before PostgreSQL ends its session and another
   * instance may send it: longer than the slowest SMTP exchange (the mailer gives up on a silent server after 30 s).
   */
  @IsInt()
  @Min(1000)
  EMAIL_CLAIM_LEASE_MS: number = 120_000;

  /** How often the digest job looks for due digests (0: never). */
  @IsInt()
  @Min(0)
  DIGEST_INTERVAL_MS: number = 60_000;

  /**
   * A digestible email (offer reminders, vetting expiring) waits this long after the first of a person's pending ones
   * of that day, so the others due the same day fold into one digest email (default 1 h; 0: the next digest run).
   */
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  DIGEST_DELAY_MS: number = 3_600_000;

  /**
   * A problem (a raised conflict) emailed to a person about a delegation opens a window this long; every problem of
   * that delegation raised for them within it is listed in one email sent when it closes (by the digest job), so
   * entering a 30-person delegation sends one message, not 30 (default 15 min).
   */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  PROBLEM_FOLD_WINDOW_MS: number = 900_000;

  /**
   * This service's X25519 private key (PEM or base64 PEM): it alone opens the invitation links the gateway seals to
   * its public key (the gateway's INVITATION_LINK_PUBLIC_KEY), when the email is sent. A link sealed to another key is
   * refused loudly (dead letter, or a failed delivery), never sent broken.
   */
  @IsSealingPrivateKey()
  INVITATION_LINK_PRIVATE_KEY!: string;

  /** Where people open the web app: the links in messages are `<PUBLIC_WEB_URL>/delegations/<id>/...`. */
  @IsString()
  @IsNotEmpty()
  PUBLIC_WEB_URL: string = 'http://127.0.0.1:3000';

  /** How often the offer-reminder job looks for open offers whose deadline is within 24 h (0: never, tests drive it). */
  @IsInt()
  @Min(0)
  OFFER_REMINDER_INTERVAL_MS: number = 60_000;
}
