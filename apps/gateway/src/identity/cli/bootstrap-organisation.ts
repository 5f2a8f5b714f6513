import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { EnvValidationError, loadEnv } from '@twinning/platform-config';
import { OutboxWriter } from '@twinning/platform-messaging';
import { runWithCorrelation } from '@twinning/platform-observability';
import { DataSource } from 'typeorm';
import { DatabaseEnv } from '../../config/database-env';
import { gatewayDataSourceOptions } from '../../database/data-source';
import { MembershipWriter } from '../application/membership-writer';
import { SessionRevoker } from '../application/session-revoker';
import { RegisterOrganisationUseCase } from '../application/register-organisation.use-case';
import { IdentityError } from '../domain/identity-error';
import { PasswordHasher } from '../infrastructure/password-hasher';

const USAGE = `Creates an organisation and its first admin in the gateway's database (idempotent), with their
events in the outbox (the running gateway relays them to Kafka).

  node dist/apps/gateway/src/identity/cli/bootstrap-organisation.js \\
    --name "Tacoma Sister Cities" --city Tacoma --country US --time-zone America/Los_Angeles --language en \\
    --admin-email admin@tacoma.example --admin-name "Mei Lin" [--admin-language zh-CN]

The admin's password comes from BOOTSTRAP_ADMIN_PASSWORD (preferred: not visible in the process list)
or --admin-password. Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/twinning_gateway),
KAFKA_TOPIC_PREFIX (must match the gateway's). Prints one JSON line:
{"organisationId":..., "adminUserId":..., "created":{"organisation":bool,"admin":bool,"membership":bool}}.
An existing organisation (same name) or account (same email) is reused; an existing password is never changed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      city: { type: 'string' },
      country: { type: 'string' },
      'time-zone': { type: 'string' },
      language: { type: 'string', default: 'en' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-language': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = loadEnv(DatabaseEnv);
  const password = env.BOOTSTRAP_ADMIN_PASSWORD ?? values['admin-password'];
  const missing = (['name', 'city', 'country', 'time-zone', 'admin-email', 'admin-name'] as const).filter((k) => !values[k]);
  if (!password) missing.push('admin-password' as never);
  if (missing.length) {
    process.stderr.write(`missing: ${missing.map((m) => (m === ('admin-password' as never) ? 'BOOTSTRAP_ADMIN_PASSWORD (or --admin-password)' : `--${m}`)).join(', ')}\n\n${USAGE}\n`);
    return 2;
  }

  const ds = new DataSource(gatewayDataSourceOptions(env.DATABASE_URL));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const outbox = new OutboxWriter({ service: 'gateway', brokers: [], topicPrefix: env.KAFKA_TOPIC_PREFIX || undefined });
    const hasher = new PasswordHasher();
    const useCase = new RegisterOrganisationUseCase(ds, outbox, hasher, new MembershipWriter(outbox, new SessionRevoker(outbox)));
    const result = await runWithCorrelation({ correlationId: `bootstrap-${randomUUID()}` }, () =>
      useCase.execute({
        organisation: { name: values.name!, city: values.city!, country: values.country!, timeZone: values['time-zone']!, defaultLanguage: values.language! },
        admin: { email: values['admin-email']!, name: values['admin-name']!, password: password!, language: values['admin-language'] },
      }),
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof IdentityError) process.stderr.write(`refused: ${e.code}: ${e.message}\n`);
    else if (e instanceof EnvValidationError) process.stderr.write(`${e.message}\n`);
    else process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
