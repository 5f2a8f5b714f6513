import { generateKeyPairSync } from 'node:crypto';
import { loadEnv } from '@twinning/platform-config';
import { NotificationsEnv } from './notifications-env';

const keys = () => ({
  JWT_PUBLIC_KEY: Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
  INVITATION_LINK_PRIVATE_KEY: Buffer.from(generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
});

describe('NotificationsEnv', () => {
  it('folds problems over 15 minutes unless told otherwise', () => {
    expect(loadEnv(NotificationsEnv, keys()).PROBLEM_FOLD_WINDOW_MS).toBe(900_000);
    expect(loadEnv(NotificationsEnv, { ...keys(), PROBLEM_FOLD_WINDOW_MS: '5000' }).PROBLEM_FOLD_WINDOW_MS).toBe(5000);
  });

  it('refuses to start with a fold window that is not a whole number of milliseconds between 1 s and a day', () => {
    for (const bad of ['soon', '0', '999', '86400001', '1.5']) {
      expect(() => loadEnv(NotificationsEnv, { ...keys(), PROBLEM_FOLD_WINDOW_MS: bad })).toThrow(/PROBLEM_FOLD_WINDOW_MS/);
    }
  });
});
