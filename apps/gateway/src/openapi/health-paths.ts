import { json } from './openapi-parts';

const check = { type: 'object', required: ['name', 'up'], properties: { name: { type: 'string', description: '`database`, `outbox`, `kafka-producer`, `consumer:<group>` or `stuck:<group>:<topic>:<partition>`' }, up: { type: 'boolean' }, detail: { type: 'string' } } };

/** The gateway's own probes (every service answers the same three, unprefixed and without a token). */
export const HEALTH_PATHS: Record<string, unknown> = {
  '/health': {
    get: {
      tags: ['health'], operationId: 'Health_health', summary: 'Database and broker answer (what start-up scripts wait for)', security: [],
      responses: { 200: json({ type: 'object' }, 'database and Kafka up'), 503: json({ type: 'object' }, 'database or Kafka down') },
    },
  },
  '/health/live': {
    get: {
      tags: ['health'], operationId: 'Health_live', summary: 'Liveness: the process answers (no database or broker call)', security: [],
      responses: { 200: json({ type: 'object', properties: { status: { type: 'string', enum: ['up'] } } }, 'the process answers') },
    },
  },
  '/health/ready': {
    get: {
      tags: ['health'], operationId: 'Health_ready', summary: 'Readiness: database, producer, every consumer running and not stuck, outbox draining', security: [],
      responses: {
        200: json({ type: 'object', properties: { status: { type: 'string', enum: ['up'] }, checks: { type: 'array', items: check } } }, 'every check passes'),
        503: { description: 'problem details (`HEALTH.NOT_READY`), `detail` naming the failing checks', content: { 'application/problem+json': { schema: { type: 'object', properties: { code: { type: 'string' }, detail: { type: 'string' }, checks: { type: 'array', items: check } } } } } },
      },
    },
  },
};
