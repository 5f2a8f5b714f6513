import { generateKeyPairSync } from 'node:crypto';
import { SecretOpener } from './secret-opener';
import { SecretSealer } from './secret-sealer';
import { parseSealingPrivateKey, parseSealingPublicKey } from './sealed-secret';

describe('sealed secrets (X25519 JWE)', () => {
  const pair = () => {
    const { publicKey, privateKey } = generateKeyPairSync('x25519');
    return {
      pub: Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64'),
      priv: Buffer.from(privateKey.export({ type: 'pkcs8', format: 'pem' })).toString('base64'),
    };
  };
  const ours = pair();
  const url = 'https://twinning.example/accept-invitation?token=kq3-secret';

  it('opens what was sealed to its key, and the sealed form does not contain the secret', async () => {
    const sealed = await new SecretSealer(parseSealingPublicKey(ours.pub)).seal(url);
    expect(sealed).not.toContain('kq3-secret');
    expect(Buffer.from(sealed.split('.')[0], 'base64url').toString()).not.toContain('token');
    expect(await new SecretOpener(parseSealingPrivateKey(ours.priv)).open(sealed)).toBe(url);
  });

  it('refuses loudly a secret sealed to another key (rotated or lost key), naming both key ids', async () => {
    const sealed = await new SecretSealer(parseSealingPublicKey(pair().pub)).seal(url);
    await expect(new SecretOpener(parseSealingPrivateKey(ours.priv)).open(sealed)).rejects.toMatchObject({ code: 'SEALED_SECRET.OTHER_KEY', message: expect.stringMatching(/sealed to key \S+, this service holds key \S+/) });
  });

  it('refuses a damaged one', async () => {
    const sealed = await new SecretSealer(parseSealingPublicKey(ours.pub)).seal(url);
    const parts = sealed.split('.');
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith('AA') ? 'BB' : 'AA');
    await expect(new SecretOpener(parseSealingPrivateKey(ours.priv)).open(parts.join('.'))).rejects.toMatchObject({ code: 'SEALED_SECRET.UNREADABLE' });
    await expect(new SecretOpener(parseSealingPrivateKey(ours.priv)).open('not-a-jwe')).rejects.toMatchObject({ code: 'SEALED_SECRET.UNREADABLE' });
  });

  it('takes only X25519 keys', () => {
    const ed = generateKeyPairSync('ed25519');
    expect(() => parseSealingPublicKey(ed.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/X25519/);
    expect(() => parseSealingPrivateKey(ours.pub)).toThrow();
  });
});
