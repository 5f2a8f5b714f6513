import { dirname } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonBodyMiddleware } from '@twinning/platform-http';

type Next = (err?: unknown) => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
interface Router extends Handler {
  use(path: string, ...handlers: Handler[]): Router;
}
interface ExpressLike {
  Router(): Router;
  static(root: string, options: { index: false; maxAge: string }): Handler;
}

// express 5 (the one @nestjs/platform-express runs on) ships no type declarations and @types/express is not
// installed: the two functions used here are typed above
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express') as ExpressLike;

export const IDENTITY_PATH = '/api/identity';
export const DOCS_ASSETS_PATH = '/api/docs/assets';

/**
 * The gateway parses no bodies (proxied requests stream to the services untouched, and each service parses and
 * refuses them itself); its own endpoints under /api/identity get the services' JSON body parser here, and only
 * they. Also serves Swagger UI's static files for /api/docs.
 */
export function ownRoutesMiddleware(): Handler {
  const router = express.Router();
  router.use(IDENTITY_PATH, jsonBodyMiddleware({ limit: '64kb' }));
  router.use(DOCS_ASSETS_PATH, express.static(dirname(require.resolve('swagger-ui-dist/package.json')), { index: false, maxAge: '1h' }));
  return router;
}
