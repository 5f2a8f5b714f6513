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
