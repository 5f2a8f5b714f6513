import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, fieldError, formError, must, refreshTokens, toApiError } from './client';

describe('API errors', () => {
  it('collects the messages per field, in both shapes the services answer', () => {
    const e = toApiError(400, { statusCode: 400, code: 'REQUEST.INVALID', message: ['bad'], fields: [{ field: 'email', messages: ['must be an email', 'is required'] }, { field: 'reason', message: 'too short' }] });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.fields).toEqual({ email: 'must be an email; is required', reason: 'too short' });
    expect(fieldError(e, 'email')).toBe('must be an email; is required');
    expect(fieldError(e, 'password')).toBeUndefined();
    expect(formError(e, ['email', 'reason'])).toBeUndefined();
    expect(formError(e, ['email'])).toBe('reason: too short');
  });

  it('finds nested fields under their parent (venue.latitude shows at venue)', () => {
    const e = toApiError(400, { fields: [{ field: 'venue.latitude', messages: ['must not be greater than 90'] }] });
    expect(fieldError(e, 'venue')).toBe('must not be greater than 90');
    expect(fieldError(e, 'venue.latitude')).toBe('must not be greater than 90');
  });

  it('an error without fields is a form error with its message', () => {
    const e = toApiError(401, { code: 'IDENTITY.INVALID_CREDENTIALS', message: 'wrong email or password' });
    expect(formError(e, ['email', 'password'])).toBe('wrong email or password');
    expect(e.code).toBe('IDENTITY.INVALID_CREDENTIALS');
  });

  it('must() returns the data or throws the ApiError', async () => {
    await expect(must(Promise.resolve({ data: { a: 1 }, response: new Response('{}', { status: 200 }) }))).resolves.toEqual({ a: 1 });
    await expect(must(Promise.resolve({ error: { message: 'nope' }, response: new Response('{}', { status: 409 }) }))).rejects.toMatchObject({ status: 409, message: 'nope' });
  });
});

describe('an expired access token', () => {
  const url = 'http://gateway.test';
  /** a gateway whose offers answer 401 to any token but `fresh` */
  function gateway(o: { refresh?: () => Response | Promise<Response> } = {}) {
    const seen: { path: string; authorization: string | null; body?: unknown }[] = [];
    const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(input, init);
      const path = new URL(req.url).pathname;
      const text = req.method === 'GET' ? '' : await req.text();
      seen.push({ path, authorization: req.headers.get('authorization'), body: text ? JSON.parse(text) : undefined });
      if (path === '/api/identity/refresh') return o.refresh ? o.refresh() : new Response('{}', { status: 401 });
      return req.headers.get('authorization') === 'Bearer fresh'
        ? Response.json({ path, body: text ? JSON.parse(text) : null })
        : Response.json({ statusCode: 401, code: 'AUTH.TOKEN_EXPIRED', message: 'expired' }, { status: 401 });
    }) as typeof fetch;
    return { fetchImpl, seen };
  }

  it('is renewed once for requests refused together, and each is retried once with the new token (body included)', async () => {
    const { fetchImpl, seen } = gateway();
    let token = 'stale';
    let refreshes = 0;
    const refresh = vi.fn(async () => {
      refreshes += 1;
      await new Promise((r) => setTimeout(r, 5));
      token = 'fresh';
      return token;
    });
    const onUnauthorized = vi.fn();
    const api = createApi({ token: () => token, refresh, onUnauthorized, fetch: fetchImpl, baseUrl: url });
    const [a, b] = await Promise.all([
      api.GET('/api/host-matching/offers'),
      api.POST('/api/host-matching/offers/{offerId}/decline', { params: { path: { offerId: 'o-1' } }, body: { reason: 'no room that week' } }),
    ]);
    expect(a.response.status).toBe(200);
    expect(b.response.status).toBe(200);
    expect(b.data).toMatchObject({ body: { reason: 'no room that week' } });
    expect(refreshes).toBe(1);
    expect(refresh).toHaveBeenCalledWith('stale');
    expect(seen.map((c) => c.authorization)).toEqual(['Bearer stale', 'Bearer stale', 'Bearer fresh', 'Bearer fresh']);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('a request refused after another one renewed the session is retried without a second refresh', async () => {
    const { fetchImpl } = gateway();
    let token = 'stale';
    const refresh = vi.fn(async () => (token = 'fresh'));
    const api = createApi({ token: () => token, refresh, fetch: fetchImpl, baseUrl: url });
    const slow = createApi({ token: () => 'stale', fetch: fetchImpl, baseUrl: url }); // sent with the old token
    await api.GET('/api/host-matching/offers');
    expect(refresh).toHaveBeenCalledTimes(1);
    const again = await api.GET('/api/host-matching/offers');
    expect(again.response.status).toBe(200);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect((await slow.GET('/api/host-matching/offers')).response.status).toBe(401);
  });

  it('documents outside the typed paths (raw: CSV, printable HTML) are renewed the same way', async () => {
    const { fetchImpl, seen } = gateway();
    let token = 'stale';
    const api = createApi({ token: () => token, refresh: async () => (token = 'fresh'), fetch: fetchImpl, baseUrl: url });
    const res = await api.raw('/api/logistics/delegations/d-1/pickups/sheet?format=html', { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(seen.map((c) => [c.path, c.authorization])).toEqual([
      ['/api/logistics/delegations/d-1/pickups/sheet', 'Bearer stale'],
      ['/api/logistics/delegations/d-1/pickups/sheet', 'Bearer fresh'],
    ]);
  });

  it('refresh refused: the session is over (onUnauthorized), the 401 is answered', async () => {
    const { fetchImpl } = gateway();
    const onUnauthorized = vi.fn();
    const api = createApi({ token: () => 'stale', refresh: async () => null, onUnauthorized, fetch: fetchImpl, baseUrl: url });
    const { response } = await api.GET('/api/host-matching/offers');
    expect(response.status).toBe(401);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('the gateway could not be asked: the 401 is answered, the session stays', async () => {
    const { fetchImpl } = gateway();
    const onUnauthorized = vi.fn();
    const api = createApi({ token: () => 'stale', refresh: async () => Promise.reject(new Error('offline')), onUnauthorized, fetch: fetchImpl, baseUrl: url });
    expect((await api.GET('/api/host-matching/offers')).response.status).toBe(401);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('a request without a token (sign-in) is never refreshed', async () => {
    const { fetchImpl, seen } = gateway();
    const refresh = vi.fn(async () => 'fresh');
    const api = createApi({ token: () => null, refresh, fetch: fetchImpl, baseUrl: url });
    expect((await api.GET('/api/host-matching/offers')).response.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
    expect(seen).toHaveLength(1);
  });

  it('refreshTokens: the new tokens; null when refused; throws when the gateway fails', async () => {
    const issued = { tokenType: 'Bearer', accessToken: 'fresh', expiresIn: 900, refreshToken: 'r-2', refreshExpiresAt: '2027-05-01T00:00:00Z', organisationId: 'org', roles: ['host'] };
    const ok = gateway({ refresh: () => Response.json(issued) });
    await expect(refreshTokens('r-1', { fetch: ok.fetchImpl, baseUrl: url })).resolves.toEqual(issued);
    expect(ok.seen[0]).toMatchObject({ path: '/api/identity/refresh', authorization: null, body: { refreshToken: 'r-1' } });
    const refused = gateway({ refresh: () => Response.json({ statusCode: 401, code: 'IDENTITY.REFRESH_REUSED' }, { status: 401 }) });
    await expect(refreshTokens('r-1', { fetch: refused.fetchImpl, baseUrl: url })).resolves.toBeNull();
    const down = gateway({ refresh: () => new Response('bad gateway', { status: 502 }) });
    await expect(refreshTokens('r-1', { fetch: down.fetchImpl, baseUrl: url })).rejects.toMatchObject({ status: 502 });
  });
});
