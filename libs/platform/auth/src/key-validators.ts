import { registerDecorator, ValidationOptions } from 'class-validator';
import { parsePrivateKey, parsePublicKey } from './access-token';
import { parseSealingPrivateKey, parseSealingPublicKey } from './sealed-secret';

function keyDecorator(name: string, parse: (v: string) => unknown, what: string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be ${what} (PEM, or the PEM base64-encoded)`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !value) return false;
          try {
            parse(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}

/** Env validation: an Ed25519 public key that verifies access tokens. */
export const IsPublicKey = keyDecorator('isPublicKey', parsePublicKey, 'a public key');
/** Env validation: the gateway's private key that signs access tokens. */
export const IsPrivateKey = keyDecorator('isPrivateKey', parsePrivateKey, 'a private key');
/** Env validation: an X25519 public key that secrets are sealed to (see sealed-secret.ts). */
export const IsSealingPublicKey = keyDecorator('isSealingPublicKey', parseSealingPublicKey, 'an X25519 public key');
/** Env validation: the X25519 private key that opens the secrets sealed to this service. */
export const IsSealingPrivateKey = keyDecorator('isSealingPrivateKey', parseSealingPrivateKey, 'an X25519 private key');
