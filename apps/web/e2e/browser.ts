/**
 * What every browser test shares: Chromium (Debian's package, driven by playwright-core; `npx playwright install`
 * does not work here), sign-in, screenshots (tmp/web-screenshots) and the axe-core check, and a small API client
 * for preparing data through the gateway.
 *   TWINNING_URL (http://127.0.0.1:3000: the gateway serving the built web app)  CHROMIUM_PATH (/usr/bin/chromium)
 *   TWINNING_DEMO_PASSWORD (twinning-demo-person)  DEMO_ADMIN_PASSWORD (twinning-demo-admin)  WEB_SCREENSHOTS (tmp/web-screenshots)
 *   SMTP_SINK_URL (http://127.0.0.1:1080: the local SMTP sink's page, where invitation emails arrive)
 * `npm test` starts a system of its own for these tests (tools/scripts/web-e2e-system.sh: gateway on 3100, sink on 2080).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

export const BASE_URL = process.env.TWINNING_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = process.env.TWINNING_DEMO_PASSWORD ?? 'twinning-demo-person';
export const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD ?? 'twinning-demo-admin';
export const SINK_URL = (process.env.SMTP_SINK_URL ?? 'http://127.0.0.1:1080').replace(/\/$/, '');
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const SHOTS = process.env.WEB_SCREENSHOTS ?? join(ROOT, 'tmp', 'web-screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
}

/** One Chromium for the calling test file: launched before its tests, closed after; answers a getter. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/** A fresh context (no session) at phone width or desktop width, in a language. */
export async function newPage(browser: Browser, o: { phone?: boolean; locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: o.locale ?? 'en-US',
    viewport: o.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    ...(o.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  // the gateway's Content-Security-Policy must not block anything the app does: every violation is kept and fails
  // the page's accessibility check (expectAccessible)
  const violations: string[] = [];
  cspViolations.set(page, violations);
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { context, page };
}

const cspViolations = new WeakMap<Page, string[]>();

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: false }).first().fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core on the page as it is: no serious or critical violation (the others are printed). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // evaluated through the DevTools protocol: a <script> tag would be refused by the page's CSP (script-src 'self')
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  })) as { id: string; impact: string; help: string; targets: string[] }[];
  const minor = violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) console.warn(`[axe] ${name}: ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `axe on ${name}`).toEqual([]);
  expect(cspViolations.get(page) ?? [], `Content-Security-Policy violations on ${name}`).toEqual([]);
}

/** The gateway's API, for preparing and checking data around a browser test. */
export async function apiLogin(email: string, password = email.startsWith('admin@') ? ADMIN_PASSWORD : PASSWORD): Promise<string> {
  return (await apiSession(email, password)).token;
}

export async function apiSession(email: string, password = email.startsWith('admin@') ? ADMIN_PASSWORD : PASSWORD): Promise<{ token: string; organisationId: string; userId: string }> {
  const res = await fetch(`${BASE_URL}/api/identity/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const b = (await res.json()) as { accessToken: string; organisationId: string; userId?: string; user?: { id: string } };
  return { token: b.accessToken, organisationId: b.organisationId, userId: b.userId ?? b.user?.id ?? '' };
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The link in the newest email to `to` in the SMTP sink matching `pattern` (e.g. the invitation link). */
export async function linkFromEmail(to: string, pattern = /https?:\/\/[^\s"<>]*token=[^\s"<>]+/): Promise<string> {
  return until(`an email to ${to} with a link`, async () => {
    const res = await fetch(`${SINK_URL}/messages`);
    const body = (await res.json()) as Sink[] | { items?: Sink[]; messages?: Sink[] };
    const all = Array.isArray(body) ? body : (body.items ?? body.messages ?? []);
    const mail = all.filter((m) => JSON.stringify(m.to ?? m.rcptTo ?? '').includes(to)).map((m) => pattern.exec(m.text ?? '')?.[0]).filter(Boolean).pop();
    return mail ?? undefined;
  }, 60_000);
}
interface Sink { to?: unknown; rcptTo?: unknown; text?: string }

export async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface OfferSummary {
  id: string;
  status: string;
  familyId: string;
  delegationId: string;
}
