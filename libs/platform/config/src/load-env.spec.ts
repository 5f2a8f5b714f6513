import { generateKeyPairSync } from 'node:crypto';
import { IsUrl } from 'class-validator';
import { BaseServiceEnv } from './base-service-env';
import { EnvValidationError, loadEnv } from './load-env';

class ExampleEnv extends BaseServiceEnv {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_example';
  @IsUrl({ require_tld: false, require_protocol: true })
  OTHER_URL = 'http://127.0.0.1:3002';
}

const KEY = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');

describe('loadEnv', () => {
  it('applies defaults and converts numbers', () => {
    const env = loadEnv(ExampleEnv, { PORT: '4000', JWT_PUBLIC_KEY: KEY });
    expect(env.PORT).toBe(4000);
    expect(env.KAFKA_BROKERS).toBe('127.0.0.1:9092');
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/twinning_example');
  });

  it('names every bad variable and its value', () => {
    try {
      loadEnv(ExampleEnv, { PORT: 'eighty', KAFKA_BROKERS: 'localhost', DATABASE_URL: 'mysql://x/y', OTHER_URL: 'not a url', JWT_PUBLIC_KEY: KEY });
      throw new Error('expected EnvValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(EnvValidationError);
      const names = (e as EnvValidationError).problems.map((p) => p.split('=')[0]).sort();
      expect(names).toEqual(['DATABASE_URL', 'KAFKA_BROKERS', 'OTHER_URL', 'PORT']);
      expect((e as Error).message).toContain('KAFKA_BROKERS="localhost": KAFKA_BROKERS must be host:port');
    }
  });

  it('refuses a JWT_PUBLIC_KEY that is not an Ed25519 public key', () => {
    const rsa = Buffer.from(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');
    expect(() => loadEnv(ExampleEnv, { JWT_PUBLIC_KEY: rsa })).toThrow('JWT_PUBLIC_KEY must be an Ed25519 public key');
    expect(() => loadEnv(ExampleEnv, {})).toThrow('JWT_PUBLIC_KEY');
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv(ExampleEnv, { KAFKA_TOPIC_PREFIX: '', JWT_PUBLIC_KEY: KEY }).KAFKA_TOPIC_PREFIX).toBe('');
  });
});
