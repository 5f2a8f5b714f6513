import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { jsonBodyMiddleware, jsonDepth, MAX_JSON_DEPTH } from './json-body.middleware';

describe('jsonDepth', () => {
  const depth = (s: string) => jsonDepth(Buffer.from(s));

  it('counts nesting of arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(depth('{"a":1}')).toBe(1);
    expect(depth('{"a":[{"b":[]}]}')).toBe(4);
    expect(depth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(depth('{"a":"say \\"[[[\\" twice","b":[1]}')).toBe(2);
    expect(depth('{"a":"ends in a backslash \\\\","b":[[1]]}')).toBe(3);
    expect(depth('"just a string"')).toBe(0);
  });

  it('stops counting once past the limit it is given', () => {
    expect(jsonDepth(Buffer.from('['.repeat(100000)), 40)).toBe(41);
  });
});

/** The middleware on a bare Node server: what it answers itself, and what it hands on. */
describe('jsonBodyMiddleware', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const parse = jsonBodyMiddleware({ limit: '1kb' });
    server = createServer((req, res) => parse(req, res, () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ body: (req as { body?: unknown }).body ?? null }));
    }));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const post = async (body: string | Buffer | undefined, contentType?: string) => {
    const res = await fetch(url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
    return { status: res.status, body: (await res.json()) as { code?: string; body?: unknown } };
  };

  it('parses JSON (application/json and +json types) and passes a request without a body on', async () => {
    expect(await post('{"a":[1]}', 'application/json')).toEqual({ status: 200, body: { body: { a: [1] } } });
    expect(await post('{"a":1}', 'application/merge-patch+json; charset=utf-8')).toEqual({ status: 200, body: { body: { a: 1 } } });
    expect(await post(undefined)).toEqual({ status: 200, body: { body: null } });
  });

  it.each([
    ['form-urlencoded', 'a=1', 'application/x-www-form-urlencoded', 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['text', '{"a":1}', 'text/plain', 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['no content type', '{"a":1}', undefined, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['another charset', '{"a":1}', 'application/json; charset=latin1', 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
    ['not JSON', '{"a":', 'application/json', 400, 'REQUEST.INVALID_JSON'],
    ['a bare string (strict)', '"a"', 'application/json', 400, 'REQUEST.INVALID_JSON'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'application/json', 400, 'REQUEST.INVALID_ENCODING'],
    ['too deep', `{"a":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`, 'application/json', 400, 'REQUEST.TOO_DEEP'],
    ['too large', JSON.stringify({ a: 'x'.repeat(2000) }), 'application/json', 413, 'REQUEST.TOO_LARGE'],
  ])('answers %s itself', async (_name, body, type, status, code) => {
    const res = await post(body, type);
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  });

  it('accepts JSON exactly as deep as the limit', async () => {
    const inner = MAX_JSON_DEPTH - 1;
    expect((await post(`{"a":${'['.repeat(inner)}${']'.repeat(inner)}}`, 'application/json')).status).toBe(200);
  });
});
