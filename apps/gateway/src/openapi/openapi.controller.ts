import { createHash } from 'node:crypto';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@twinning/platform-auth';
import { OpenApiDocument } from './openapi-document';

const START = "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', persistAuthorization: true });";
const UI = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Twinning API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>${START}</script>
</body></html>`;

/**
 * Swagger UI is the one page the gateway answers that runs scripts: its own files, and its start-up line by hash (no
 * other inline script can run); it replaces the no-script policy every other answer carries.
 */
const UI_CSP = [
  "default-src 'none'", `script-src 'self' 'sha256-${createHash('sha256').update(START).digest('base64')}'`, "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

/** `GET /api/openapi.json` (the aggregated document) and `GET /api/docs` (Swagger UI). */
@ApiExcludeController()
@Controller()
export class OpenApiController {
  constructor(private readonly document: OpenApiDocument) {}

  @Get('openapi.json')
  @Public()
  json() {
    return this.document.get();
  }

  @Get('docs')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', UI_CSP)
  ui(): string {
    return UI;
  }
}
