import { Module } from '@nestjs/common';
import { NotificationRenderer } from './notification-renderer';
import { TemplateRenderer } from './template-renderer';

/** Provides NotificationRenderer (Handlebars templates per type and locale under apps/notifications/templates). */
@Module({
  providers: [{ provide: NotificationRenderer, useClass: TemplateRenderer }],
  exports: [NotificationRenderer],
})
export class TemplatesModule {}
