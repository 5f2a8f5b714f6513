import type { IncomingMessage, ServerResponse } from 'node:http';
import { TextDecoder } from 'node:util';

type Next = (err?: unknown) => void;
export type HttpHandler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
interface ExpressJson {
  json(options: { limit: string; strict: boolean; type: (req: IncomingMessage) => boolean; verify: (req: IncomingMessage, res: ServerResponse, buf: Buffer) => void }): HttpHandler;
}
// express 5 (the one @nestjs/platform-express runs on) ships no type declarations and @types/express is not installed
// eslint-disable-next-line @typescript-eslint/no-require-imports
const express = require('express') as ExpressJson;

/**
 * How deep a request body may nest. No request of this API goes past a handful of levels; the limit is what keeps a
 * body like `[[[[...]]]]` 20,000 levels deep from reaching class-transformer and class-validator, which walk it by
 * recursion and overflow the call stack (a 500 and a RangeError in the log).
 */
export const MAX_JSON_DEPTH = 32;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request error the body middleware answers itself (400, 413, 415) with the shape of every other bad request. */
class BodyRefused extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** The deepest nesting of arrays and objects in raw JSON text, counted without parsing (strings skipped). */
export function jsonDepth(buf: Uint8Array, stopAt = Infinity): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > stopAt) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  const error = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' }[status] ?? 'Bad Request';
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ statusCode: status, error, code, message: [message], fields: [] }));
}

/**
 * The one body parser of every service and of the gateway's own routes: a request body is JSON or it is refused with
 * 415 (a form-urlencoded body used to be parsed and accepted); the bytes must be valid UTF-8 (the decoder used to
 * replace bad bytes with U+FFFD, silently changing what was stored); JSON deeper than MAX_JSON_DEPTH is a 400; the
 * parse errors and the size limit are answered here as 400/413 with a stable code, never passed on as a 500.
 */
export function jsonBodyMiddleware(options: { limit?: string } = {}): HttpHandler {
  const parse = express.json({
    limit: options.limit ?? '100kb',
    strict: true,
    type: () => true,
    verify: (_req, _res, buf) => {
      try {
        utf8.decode(buf);
      } catch {
        throw new BodyRefused(400, 'REQUEST.INVALID_ENCODING', 'the body is not valid UTF-8');
      }
      if (jsonDepth(buf, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw new BodyRefused(400, 'REQUEST.TOO_DEEP', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
    },
  });
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const type = req.headers['content-type'] ?? '';
    if (!JSON_TYPE.test(type)) return refuse(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'the body must be JSON (content-type: application/json)');
    const charset = /;\s*charset=("?)([\w-]+)\1/i.exec(type)?.[2];
    if (charset && charset.toLowerCase() !== 'utf-8') return refuse(res, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'the body must be UTF-8 JSON');
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { status?: number; type?: string; message?: string };
      // body-parser passes on what verify threw, as it was (with its status)
      if (err instanceof BodyRefused) return refuse(res, err.status, err.code, err.message);
      if (e.type === 'entity.too.large') return refuse(res, 413, 'REQUEST.TOO_LARGE', `the body is larger than ${options.limit ?? '100kb'}`);
      if (e.type === 'entity.parse.failed') return refuse(res, 400, 'REQUEST.INVALID_JSON', 'the body is not valid JSON');
      if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return refuse(res, e.status, 'REQUEST.INVALID', e.message ?? 'invalid request body');
      next(err);
    });
  };
}
