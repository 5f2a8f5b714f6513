import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Api = Client<paths>;

export interface ApiOptions {
  /** the current access token, if signed in */
  token: () => string | null;
  /** called when the API answers 401 to a signed-in request (expired token) */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

/** The typed client of the gateway's API (types generated from its OpenAPI document: `npm run web:api-types`). */
export function createApi(o: ApiOptions): Api {
  const client = createClient<paths>({ baseUrl: o.baseUrl ?? globalThis.location?.origin ?? '', fetch: o.fetch ?? ((...a) => globalThis.fetch(...a)) });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = o.token();
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('authorization')) o.onUnauthorized?.();
      return response;
    },
  };
  client.use(auth);
  return client;
}

/** An API error (`{ statusCode, code, message, fields }`) with the messages per field, for showing next to each field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

type FieldEntry = { field?: string; message?: string; messages?: string[] };

export function toApiError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as { code?: string; message?: string | string[]; fields?: FieldEntry[] };
  const fields: Record<string, string> = {};
  for (const f of b.fields ?? []) {
    if (!f?.field) continue;
    const text = f.messages?.join('; ') ?? f.message ?? '';
    fields[f.field] = fields[f.field] ? `${fields[f.field]}; ${text}` : text;
  }
  const message = Array.isArray(b.message) ? b.message.join('; ') : (b.message ?? `HTTP ${status}`);
  return new ApiError(status, b.code, message, fields);
}

/** Unwraps an openapi-fetch result: the data, or throws an ApiError. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

/** The message for a field (dotted paths match their first segment too: `venue.latitude` shows at `venue`). */
export function fieldError(err: unknown, field: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (err.fields[field]) return err.fields[field];
  const nested = Object.keys(err.fields).filter((k) => k.startsWith(`${field}.`));
  return nested.length ? nested.map((k) => err.fields[k]).join('; ') : undefined;
}

/** The error's message when no field of the form shows it. */
export function formError(err: unknown, shownFields: string[]): string | undefined {
  if (!err) return undefined;
  if (!(err instanceof ApiError)) return (err as Error).message ?? String(err);
  const unshown = Object.keys(err.fields).filter((k) => !shownFields.some((f) => k === f || k.startsWith(`${f}.`)));
  if (Object.keys(err.fields).length && !unshown.length) return undefined;
  return unshown.length ? unshown.map((k) => `${k}: ${err.fields[k]}`).join('; ') : err.message;
}
