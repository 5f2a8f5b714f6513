import { registerDecorator, ValidationOptions } from 'class-validator';
import { parsePrivateKey, parsePublicKey } from './access-token';

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
