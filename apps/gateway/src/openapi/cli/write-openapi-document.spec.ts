import { IDENTITY_SCHEMAS } from '../identity-paths';
import { PROXIED_SCHEMAS } from '../proxied-paths';
import { buildOpenApiDocument } from './write-openapi-document';

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>; components: { schemas: Record<string, unknown> } };

describe('buildOpenApiDocument (npm run web:api-types)', () => {
  it('builds the aggregated document without a database, a broker or real keys: own and proxied endpoints', async () => {
    const doc = (await buildOpenApiDocument()) as Doc;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/identity/login', '/api/delegations', '/api/host-matching/offers/{offerId}/decline']));
    expect(doc.components.schemas).toHaveProperty('Problem');
  });

  it('describes the 413 and 415 every operation with a body may answer, and no other', async () => {
    const doc = (await buildOpenApiDocument()) as Doc;
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item) as { requestBody?: unknown; responses: Record<string, unknown> }[]);
    const withBody = ops.filter((op) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(20);
    for (const op of withBody) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['413', '415']));
    for (const op of ops.filter((o) => !o.requestBody)) expect(Object.keys(op.responses)).not.toContain('415');
    expect(doc.paths['/api/identity/login'].post.responses['415']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  });

  it('describes what the identity endpoints answer (laid over the scanned operations, which keep their request bodies)', async () => {
    const doc = (await buildOpenApiDocument()) as Doc;
    const answer = (path: string, method: string, status: string) => doc.paths[path][method].responses[status]?.content?.['application/json']?.schema;
    expect(answer('/api/identity/login', 'post', '200')).toEqual({ $ref: '#/components/schemas/LoginAnswer' });
    expect(answer('/api/identity/refresh', 'post', '200')).toEqual({ $ref: '#/components/schemas/IssuedSession' });
    expect(answer('/api/identity/me', 'get', '200')).toEqual({ $ref: '#/components/schemas/Me' });
    expect(answer('/api/identity/invitations/accept', 'post', '201')).toEqual({ $ref: '#/components/schemas/AcceptedInvitation' });
    expect(doc.paths['/api/identity/login'].post).toHaveProperty('requestBody');
    for (const name of Object.keys(IDENTITY_SCHEMAS)) expect(doc.components.schemas[name]).toBe(IDENTITY_SCHEMAS[name]);
    expect(Object.keys(IDENTITY_SCHEMAS).filter((name) => name in PROXIED_SCHEMAS)).toEqual([]);
  });
});
