import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { webAppMiddleware } from './web-app.middleware';

function serve(dir: string): Server {
  const mw = webAppMiddleware(dir);
  return createServer((req, res) =>
    mw(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('passed through');
    }),
  );
}

describe('webAppMiddleware', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves index.html at / and for any page path (the browser router takes over)', async () => {
    const server = serve(dir);
    for (const path of ['/', '/delegations/6f1c', '/offers/1?x=1']) {
      const res = await request(server).get(path).expect(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.text).toContain('id="root"');
    }
  });

  it('sends the security headers with the app and its files (CSP without inline scripts, no framing, no referrer)', async () => {
    const server = serve(dir);
    for (const path of ['/accept-invitation?token=secret', '/assets/app.js']) {
      const res = await request(server).get(path).expect(200);
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await request(server).get('/api/delegations').expect(404)).headers['content-security-policy']).toBeUndefined();
  });

  it('a rebuild takes effect without a restart', async () => {
    const server = serve(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root" data-build="2"></div>');
    expect((await request(server).get('/offers').expect(200)).text).toContain('data-build="2"');
  });

  it('serves the built files', async () => {
    const res = await request(serve(dir)).get('/assets/app.js').expect(200);
    expect(res.text).toBe('console.log(1)');
  });

  it('never answers /api or /health (nor its probes), a missing file, or a non-GET', async () => {
    const server = serve(dir);
    for (const path of ['/api/delegations', '/api', '/health', '/health/live', '/health/ready', '/assets/missing.js']) {
      expect((await request(server).get(path).expect(404)).text).toBe('passed through');
    }
    expect((await request(server).post('/delegations').expect(404)).text).toBe('passed through');
  });

  it('passes everything through when the web app was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'web-empty-'));
    try {
      expect((await request(serve(empty)).get('/').expect(404)).text).toBe('passed through');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
