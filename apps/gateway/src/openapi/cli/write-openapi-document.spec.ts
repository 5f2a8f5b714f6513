import { buildOpenApiDocument } from './write-openapi-document';

describe('buildOpenApiDocument (npm run web:api-types)', () => {
  it('builds the aggregated document without a database, a broker or real keys: own and proxied endpoints', async () => {
    const doc = (await buildOpenApiDocument()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/identity/login', '/api/delegations', '/api/host-matching/offers/{offerId}/decline']));
    expect(doc.components.schemas).toHaveProperty('Problem');
  });
});
