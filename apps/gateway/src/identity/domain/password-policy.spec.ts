import { IdentityError } from './identity-error';
import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  it('accepts a long passphrase', () => {
    expect(PasswordPolicy.problems('harbour lights over Fuzhou')).toEqual([]);
  });

  it('counts characters, not bytes (12 Chinese characters are enough)', () => {
    expect(PasswordPolicy.problems('福州塔科马姐妹城市友好交流')).toEqual([]);
  });

  it('refuses fewer than 12 characters', () => {
    expect(PasswordPolicy.problems('short-pass1')).toEqual(['password must be at least 12 characters long']);
  });

  it('refuses one repeated character', () => {
    expect(PasswordPolicy.problems('aaaaaaaaaaaaaaaa')).toEqual(['password must not be one character repeated']);
  });

  it('refuses the email address or the name', () => {
    expect(PasswordPolicy.problems('mei.lin@tacoma.example', { email: 'mei.lin@tacoma.example' })).toEqual(['password must not be your email address or name']);
    expect(PasswordPolicy.problems('Mei Lin Tacoma', { name: 'mei lin tacoma' })).toEqual(['password must not be your email address or name']);
  });

  it.each(['password1234', 'Password123!', 'P@ssw0rd12345', 'qwertyuiop123', 'iloveyou2024', '123456789012', 'letmeinletmein'])('refuses the common or breached-looking %s', (weak) => {
    expect(PasswordPolicy.problems(weak)).toEqual([expect.stringMatching(/^password is too common or too easy to guess/)]);
  });

  it('refuses a password built from the person\'s own name', () => {
    expect(PasswordPolicy.problems('meilintacoma1', { name: 'Mei Lin Tacoma', email: 'meilintacoma@example.org' })).toEqual([expect.stringMatching(/too common or too easy to guess/)]);
  });

  it('accepts the demo passwords', () => {
    expect(PasswordPolicy.problems('twinning-demo-person')).toEqual([]);
    expect(PasswordPolicy.problems('twinning-demo-admin')).toEqual([]);
  });

  it('refuses more than 256 characters', () => {
    expect(PasswordPolicy.problems('ab'.repeat(129))).toEqual(['password must be at most 256 characters long']);
  });

  it('assert throws a rule error naming the field', () => {
    try {
      PasswordPolicy.assert('tiny');
      throw new Error('expected a rule error');
    } catch (e) {
      expect(e).toBeInstanceOf(IdentityError);
      expect(e).toMatchObject({ code: 'IDENTITY.PASSWORD_TOO_WEAK', field: 'password', kind: 'invalid' });
    }
  });
});
