import { createPublicKey } from 'node:crypto';
import { ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { parsePrivateKey, parsePublicKey } from '@twinning/platform-auth';

/** JWT_PRIVATE_KEY must be the private half of JWT_PUBLIC_KEY, or every service would refuse the gateway's tokens. */
@ValidatorConstraint({ name: 'pairsWithPublicKey' })
export class PairsWithPublicKey implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const pub = (args.object as { JWT_PUBLIC_KEY?: unknown }).JWT_PUBLIC_KEY;
    if (typeof value !== 'string' || typeof pub !== 'string') return true; // the other validators report these
    try {
      const derived = createPublicKey(parsePrivateKey(value)).export({ type: 'spki', format: 'der' });
      return derived.equals(parsePublicKey(pub).export({ type: 'spki', format: 'der' }));
    } catch {
      return true;
    }
  }

  defaultMessage(): string {
    return 'JWT_PRIVATE_KEY is not the private key of JWT_PUBLIC_KEY (generate a pair with tools/scripts/generate-jwt-keys.js)';
  }
}
