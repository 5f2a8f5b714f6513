/** The small building blocks every static OpenAPI description of a proxied service (the `*-paths.ts` files) uses. */
export const problem = { $ref: '#/components/schemas/Problem' };
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown, description: string) => ({ description, content: { 'application/json': { schema } } });
export const e400 = json(problem, 'invalid input; `fields` names each bad field');
export const e401 = json(problem, 'missing, expired or invalid access token, or one of a session that was ended (AUTH.SESSION_REVOKED)');
export const e403 = json(problem, 'the role does not allow it');
/** A uuid path parameter. */
export const uuid = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });
/** A query parameter (optional unless `required`). */
export const q = (name: string, schema: object, description?: string, required = false) => ({ name, in: 'query', schema, ...(required ? { required } : {}), ...(description ? { description } : {}) });
export const id = { type: 'string', format: 'uuid' };
