import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Api = Client<paths> & {
  /** An authorised request to a path outside the typed client (documents: CSV, printable HTML), renewed like the rest. */
  raw(path: string, init?: RequestInit): Promise<Response>;
};

export interface ApiOptions {
  /** the current access token, if signed in */
  token: () => string | null;
  /**
   * Renews the session after a 401 to a signed-in request (the access token expired): resolves the new access token,
   * or null when the session is over (the refresh token was refused); throws when the gateway could not be asked.
   * Called once however many requests fail together; each failed request is then retried once with the new token.
   */
  refresh?: (staleToken: string) => Promise<string | null>;
  /** called when a signed-in request is refused (401) and the session cannot be renewed */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

const bearer = (token: string) => `Bearer ${token}`;

/** The typed client of the gateway's API (types generated from its OpenAPI document: `npm run web:api-types`). */
export function createApi(o: ApiOptions): Api {
  const send: typeof fetch = o.fetch ?? ((...a) => globalThis.fetch(...a));
  let renewing: Promise<string | null> | undefined;
  /** one refresh at a time: requests refused together wait for the same one */
  const renew = (stale: string) => {
    renewing ??= o.refresh!(stale).finally(() => (renewing = undefined));
    return renewing;
  };
  const authFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const token = o.token();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', bearer(token));
    const sent = request.headers.get('authorization');
    const retry = sent ? request.clone() : undefined; // the body can be read once: keep a copy for the retry
    const response = await send(request);
    if (response.status !== 401 || !sent || !retry) return response;
    let fresh = o.token();
    if (!fresh || bearer(fresh) === sent) {
      if (!o.refresh) {
        o.onUnauthorized?.();
        return response;
      }
      try {
        fresh = await renew(sent.replace(/^Bearer /, ''));
      } catch {
        return response; // the gateway could not be asked: the session stays, the caller shows the error
      }
    }
    if (!fresh) {
      o.onUnauthorized?.();
      return response;
    }
    retry.headers.set('authorization', bearer(fresh));
    const again = await send(retry);
    if (again.status === 401) o.onUnauthorized?.();
    return again;
  }) as typeof fetch;
  const baseUrl = o.baseUrl ?? globalThis.location?.origin ?? '';
  const client = createClient<paths>({ baseUrl, fetch: authFetch });
  return Object.assign(client, { raw: (path: string, init?: RequestInit) => authFetch(baseUrl ? new URL(path, baseUrl).toString() : path, init) });
}

/**
 * Exchanges a refresh token for new tokens (POST /api/identity/refresh): the new session, null when the token is
 * refused (used, expired, ended: sign in again); throws when the gateway does not answer or fails.
 */
export async function refreshTokens(refreshToken: string, o: { fetch?: typeof fetch; baseUrl?: string } = {}): Promise<Schemas['IssuedSession'] | null> {
  const client = createClient<paths>({ baseUrl: o.baseUrl ?? globalThis.location?.origin ?? '', fetch: o.fetch ?? ((...a) => globalThis.fetch(...a)) });
  const { data, response } = await client.POST('/api/identity/refresh', { body: { refreshToken } });
  if (response.ok && data) return data;
  if (response.status === 400 || response.status === 401 || response.status === 403) return null;
  throw new ApiError(response.status, undefined, `HTTP ${response.status}`, {});
}

/** Ends the session of a refresh token (POST /api/identity/logout); failures are ignored (the token expires anyway). */
export async function logout(refreshToken: string, o: { fetch?: typeof fetch; baseUrl?: string } = {}): Promise<void> {
  const client = createClient<paths>({ baseUrl: o.baseUrl ?? globalThis.location?.origin ?? '', fetch: o.fetch ?? ((...a) => globalThis.fetch(...a)) });
  await client.POST('/api/identity/logout', { body: { refreshToken } }).catch(() => undefined);
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
