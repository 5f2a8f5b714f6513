/**
 * Writes the aggregated OpenAPI document (the one GET /api/openapi.json serves) to a file without starting the
 * gateway: the application is created in Nest's preview mode (modules and controllers are scanned, no provider is
 * instantiated, so no database, Kafka or keys are touched). `npm run web:api-types` turns it into the web app's types.
 *
 * Usage: node tools/scripts/ts-run.js apps/gateway/src/openapi/cli/write-openapi-document.ts <out.json>
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HttpAdapterHost, ModulesContainer, NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module';
import { GatewayEnv } from '../../config/gateway-env';
import { OpenApiDocument } from '../openapi-document';

export async function buildOpenApiDocument(): Promise<object> {
  // defaults and a throwaway key pair (the modules parse keys when they are declared): nothing is signed
  const keys = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const env = Object.assign(new GatewayEnv(), { JWT_PRIVATE_KEY: keys.privateKey, JWT_PUBLIC_KEY: keys.publicKey });
  const app = await NestFactory.create(AppModule.forRoot(env), { preview: true, logger: false, abortOnError: false });
  try {
    const modules = (app as unknown as { container: { getModules(): ModulesContainer } }).container.getModules();
    const adapterHost = { httpAdapter: app.getHttpAdapter() } as HttpAdapterHost;
    return new OpenApiDocument(modules, adapterHost).get();
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out) throw new Error('usage: write-openapi-document <out.json>');
  const doc = await buildOpenApiDocument();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
