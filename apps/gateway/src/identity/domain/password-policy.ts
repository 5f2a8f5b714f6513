import { IdentityError } from './identity-error';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but a megabyte "password" is a denial-of-service attempt. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * What a new password must be. Length is what counts (NIST SP 800-63B): at least 12 characters,
 * no composition rules; it must not be the person's email or name, nor one repeated character.
 */
export class PasswordPolicy {
  static problems(password: string, person: { email?: string; name?: string } = {}): string[] {
    const out: string[] = [];
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) out.push(`password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    if (length > PASSWORD_MAX_LENGTH) out.push(`password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
    if (length > 0 && new Set(password).size === 1) out.push('password must not be one character repeated');
    const lower = password.trim().toLowerCase();
    for (const v of [person.email, person.email?.split('@')[0], person.name]) {
      if (v && v.trim().length >= 3 && lower === v.trim().toLowerCase()) {
        out.push('password must not be your email address or name');
        break;
      }
    }
    return out;
  }

  static assert(password: string, person: { email?: string; name?: string } = {}): void {
    const problems = PasswordPolicy.problems(password, person);
    if (problems.length) throw new IdentityError('invalid', 'IDENTITY.PASSWORD_TOO_WEAK', problems.join('; '), 'password');
  }
}
