import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createProxyMiddleware, RequestHandler } from 'http-proxy-middleware';
import { redactPath } from '@twinning/platform-http';
import { CORRELATION_HEADER, createLogger } from '@twinning/platform-observability';

const log = createLogger('gateway.proxy');

/**
 * Proxies `/api/<service>/...` to the service's base URL with the path unchanged, forwarding the
 * correlation id (set by the correlation middleware) and answering 502 when a service is down.
 */
export function createServiceProxy(routes: Record<string, string>): RequestHandler {
  const services = Object.keys(routes);
  return createProxyMiddleware<IncomingMessage, ServerResponse>({
    pathFilter: (path) => services.some((s) => path === `/api/${s}` || path.startsWith(`/api/${s}/`) || path.startsWith(`/api/${s}?`)),
    router: (req) => routes[(req.url ?? '').split('/')[2]?.split('?')[0] ?? ''],
    changeOrigin: true,
    xfwd: true,
    proxyTimeout: 30000,
    on: {
      error: (err, req, res) => {
        const id = req.headers[CORRELATION_HEADER];
        log.warn({ err: err.message, url: redactPath(req.url ?? ''), correlationId: id }, 'service unreachable');
        if (typeof (res as ServerResponse).writeHead === 'function') {
          const reply = res as ServerResponse;
          if (!reply.headersSent) reply.writeHead(502, { 'content-type': 'application/json' });
          reply.end(JSON.stringify({ statusCode: 502, code: 'GATEWAY.SERVICE_UNAVAILABLE', message: 'the service behind this path is not reachable' }));
        } else {
          (res as Socket).destroy();
        }
      },
    },
  });
}
