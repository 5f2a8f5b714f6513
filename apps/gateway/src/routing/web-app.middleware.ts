import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Next = (err?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
interface ExpressLike {
  static(root: string, options: { index: false; maxAge: string; fallthrough: true }): Handler;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express') as ExpressLike;

/** Where `npm run web:build` writes the web app: dist/web, beside dist/apps (this file runs from dist/apps/gateway/src/routing). */
export const DEFAULT_WEB_DIST_DIR = resolve(__dirname, '..', '..', '..', '..', 'web');

/**
 * The web app's security headers. Scripts, connections, fonts and images only from the gateway itself (Vite emits no
 * inline script); inline styles allowed (Mantine writes its CSS variables in a <style> element); no plugins, no
 * framing (clickjacking), no <base> or form targets elsewhere; no referrer (the invitation page's URL carries its token).
 */
export const WEB_APP_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
    "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Serves the web app (apps/web, built into `dir`) at `/`, with WEB_APP_SECURITY_HEADERS: its files as they are (hashed assets cached), and
 * index.html for every other GET of a page (no file extension) so the browser's router takes over (SPA fallback).
 * `/api/...` and `/health...` are never touched. When `dir` holds no index.html (the web app was not built), it
 * serves nothing and every request passes through. index.html is read on each page request, so `npm run web:build`
 * while the gateway runs takes effect at once.
 */
export function webAppMiddleware(dir: string = DEFAULT_WEB_DIST_DIR): Handler {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return (_req, _res, next) => next();
  const files = express.static(dir, { index: false, maxAge: '1h', fallthrough: true });
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || path === '/api' || path.startsWith('/api/') || path === '/health' || path.startsWith('/health/')) return next();
    for (const [name, value] of Object.entries(WEB_APP_SECURITY_HEADERS)) res.setHeader(name, value);
    files(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (extname(path)) return next(); // a missing file is a 404, not the app
      let html: Buffer;
      try {
        html = readFileSync(index); // read each time: a rebuild (new asset names) needs no restart
      } catch {
        return next();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': html.length });
      res.end(req.method === 'HEAD' ? undefined : html);
    });
  };
}
