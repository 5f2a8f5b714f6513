import { dirname } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

type Next = (err?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
interface Router extends Handler {
  use(path: string, ...handlers: Handler[]): Router;
  use(handler: (err: unknown, req: IncomingMessage, res: ServerResponse, next: Next) => void): Router;
}
interface ExpressLike {
  Router(): Router;
  json(options: { limit: string; strict: boolean }): Handler;
  static(root: string, options: { index: false; maxAge: string }): Handler;
}

// express 5 (the one @nestjs/platform-express runs on) ships no type declarations and @types/express is not
// installed: the three functions used here are typed above
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express') as ExpressLike;

export const IDENTITY_PATH = '/api/identity';
export const DOCS_ASSETS_PATH = '/api/docs/assets';

/**
 * The gateway parses no bodies (proxied requests stream to the services untouched); its own
 * endpoints under /api/identity get JSON parsing here, and only they. Also serves Swagger UI's
 * static files for /api/docs.
 */
export function ownRoutesMiddleware(): Handler {
  const router = express.Router();
  router.use(IDENTITY_PATH, express.json({ limit: '64kb', strict: true }));
  router.use(DOCS_ASSETS_PATH, express.static(dirname(require.resolve('swagger-ui-dist/package.json')), { index: false, maxAge: '1h' }));
  router.use((err: unknown, _req: IncomingMessage, res: ServerResponse, next: Next) => {
    const e = err as { status?: number; type?: string; message?: string };
    if (!e || typeof e.status !== 'number' || e.status >= 500) return next(err);
    const code = e.type === 'entity.too.large' ? 'REQUEST.TOO_LARGE' : e.type === 'entity.parse.failed' ? 'REQUEST.INVALID_JSON' : 'REQUEST.INVALID';
    res.writeHead(e.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: e.status, error: 'Bad Request', code, message: [e.type === 'entity.parse.failed' ? 'the body is not valid JSON' : (e.message ?? 'invalid request')], fields: [] }));
  });
  return router;
}
