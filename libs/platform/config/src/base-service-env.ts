import { createPublicKey } from 'node:crypto';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

@ValidatorConstraint({ name: 'isPublicKeyPem' })
class IsPublicKeyPem implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !value.trim()) return false;
    const pem = value.trim().startsWith('-----BEGIN') ? value.replace(/\\n/g, '\n') : Buffer.from(value, 'base64').toString('utf8');
    try {
      return createPublicKey(pem).asymmetricKeyType === 'ed25519';
    } catch {
      return false;
    }
  }
  defaultMessage(): string {
    return 'JWT_PUBLIC_KEY must be an Ed25519 public key, PEM or base64-encoded PEM (see tools/scripts/generate-jwt-keys.js)';
  }
}

/** Settings every service needs. A service's own env class extends this. */
export class BaseServiceEnv {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+(\?.*)?$/, { message: 'DATABASE_URL must be a postgres:// URL naming a database' })
  DATABASE_URL!: string;

  @Matches(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may only contain letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX: string = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  SERVICE_INSTANCE?: string;

  /** Readiness fails for a partition with lag whose committed offset has not moved for this long. */
  @IsInt()
  @Min(1)
  READINESS_STUCK_AFTER_MS: number = 60_000;

  /** Readiness fails while the oldest unpublished outbox row is older than this. */
  @IsInt()
  @Min(1)
  READINESS_OUTBOX_MAX_AGE_MS: number = 60_000;

  /** On SIGTERM/SIGINT the process exits after this long even if consumers, relay or HTTP have not closed. */
  @IsInt()
  @Min(1)
  SHUTDOWN_TIMEOUT_MS: number = 10_000;

  /** Ed25519 public key (PEM or base64 PEM) that verifies access tokens; every service checks tokens itself. */
  @Validate(IsPublicKeyPem)
  JWT_PUBLIC_KEY!: string;
}
