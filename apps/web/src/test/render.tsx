import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { App } from '../App';
import { createI18n, type Language } from '../i18n';
import type { Session } from '../session';

export interface Call {
  method: string;
  path: string;
  search: string;
  body: unknown;
  authorization: string | null;
}
type Reply = { status?: number; body: unknown } | ((call: Call) => { status?: number; body: unknown } | Promise<{ status?: number; body: unknown }>);

/** A fake gateway: `'POST /api/identity/login'` -> reply; path parameters as `:id` (the first route that matches answers). Records every call. */
export function fakeApi(routes: Record<string, Reply>) {
  const calls: Call[] = [];
  const compiled = Object.entries(routes).map(([key, reply]) => {
    const [method, pattern] = key.split(' ');
    return { method, re: new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`), reply };
  });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(String(input), init);
    const url = new URL(req.url);
    const text = req.method === 'GET' || req.method === 'HEAD' ? '' : await req.text();
    const call: Call = { method: req.method, path: url.pathname, search: url.search, body: text ? JSON.parse(text) : undefined, authorization: req.headers.get('authorization') };
    calls.push(call);
    const route = compiled.find((r) => r.method === req.method && r.re.test(url.pathname));
    if (!route) return new Response(JSON.stringify({ statusCode: 404, code: 'TEST.NO_ROUTE', message: `${req.method} ${url.pathname}` }), { status: 404, headers: { 'content-type': 'application/json' } });
    const out = typeof route.reply === 'function' ? await route.reply(call) : route.reply;
    return new Response(JSON.stringify(out.body), { status: out.status ?? 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetchImpl, calls };
}

export const coordinator: Session = { accessToken: 'token-coordinator', organisationId: 'org-1', roles: ['coordinator'], email: 'coordinator@tacoma.example' };
export const host: Session = { accessToken: 'token-host', organisationId: 'org-2', roles: ['host'], email: 'chen.hong@fuzhou.example' };

export function renderApp(o: { path: string; fetchImpl: typeof fetch; session?: Session | null; language?: Language }) {
  const i18n = createI18n(o.language ?? 'en');
  const Router = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[o.path]}>{children}</MemoryRouter>;
  return { i18n, ...render(<App i18n={i18n} fetchImpl={o.fetchImpl} session={o.session ?? null} Router={Router} />) };
}
