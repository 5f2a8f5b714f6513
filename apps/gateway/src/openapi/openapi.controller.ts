import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@twinning/platform-auth';
import { OpenApiDocument } from './openapi-document';

const UI = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Twinning API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', persistAuthorization: true });</script>
</body></html>`;

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
  ui(): string {
    return UI;
  }
}
