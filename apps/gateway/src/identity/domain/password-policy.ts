import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { IdentityError } from './identity-error';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but a megabyte "password" is a denial-of-service attempt. */
export const PASSWORD_MAX_LENGTH = 256;
/**
 * zxcvbn's score 3 is "safely unguessable" (about 10^8 guesses or more). Anything below is a common password or a
 * variant of one (leet, reversed, repeated, a keyboard walk, a year added): the kind breached-password lists are full of.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built once: the dictionaries are decompressed when the factory is made. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/**
 * What a new password must be. Length is what counts (NIST SP 800-63B): at least 12 characters,
 * no composition rules; it must not be the person's email or name, nor one repeated character, nor
 * a common or breached-looking password: @zxcvbn-ts/language-common's ranked lists of common
 * passwords (and its keyboard graphs), matched with their usual variations by @zxcvbn-ts/core.
 */
export class PasswordPolicy {
  static problems(password: string, person: { email?: string; name?: string } = {}): string[] {
    const out: string[] = [];
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) out.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    if (length > PASSWORD_MAX_LENGTH) out.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
    if (length > 0 && new Set(password).size === 1) out.push('password must not be one character repeated');
    const lower = password.trim().toLowerCase();
    const personal = [person.email, person.email?.split('@')[0], person.name].filter((v): v is string => !!v && v.trim().length >= 3);
    if (personal.some((v) => lower === v.trim().toLowerCase())) out.push('password must not be your email address or name');
    else if (!out.length && strength().check(password, personal).score < MIN_SCORE) {
      out.push('password is too common or too easy to guess (it is, or resembles, a password from breached-password lists); choose a longer passphrase');
    }
    return out;
  }

  static assert(password: string, person: { email?: string; name?: string } = {}): void {
    const problems = PasswordPolicy.problems(password, person);
    if (problems.length) throw new IdentityError('invalid', 'IDENTITY.PASSWORD_TOO_WEAK', problems.join('; '), 'password');
  }
}
