import type { HttpHandler } from './json-body.middleware';

/**
 * The policy of every answer a service gives, printable documents included (rooming list, manifests, pickup sheet
 * are `text/html` built from what hosts and coordinators typed): nothing may load or run, only the document's own
 * inline styles apply, no page may frame it, no form or `<base>` may point elsewhere. An answer that needs more (the
 * gateway's Swagger UI, the web app) sets its own policy, which replaces this one.
 */
export const DOCUMENT_CSP = ["default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"].join('; ');

/**
 * Security headers on every answer, set before any handler so a handler can replace them: the restrictive CSP
 * above, `nosniff` (a CSV or JSON answer is never run as HTML or script), and `Cache-Control: no-store` on every
 * answer under /api: nearly all of them carry a person's data or a token, and one rule for all is safer than a list
 * of the ones that do (a handler with a reason sets its own, e.g. the calendar feeds). X-Powered-By is switched off
 * where the app is created.
 */
export function securityHeadersMiddleware(): HttpHandler {
  return (req, res, next) => {
    res.setHeader('content-security-policy', DOCUMENT_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const path = req.url ?? '/';
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) res.setHeader('cache-control', 'no-store');
    next();
  };
}
