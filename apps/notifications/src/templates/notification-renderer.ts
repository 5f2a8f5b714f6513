import { NotificationType } from '../notification-types';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** the locale actually used (after fallback) */
  locale: string;
}

/**
 * Renders a notification in a locale: templates per type and locale in files translators edit, with the locale
 * fallback (requested → its base language → English) and dates and times formatted with Intl in `timeZone`.
 * Implemented by the templates module (`TemplateRenderer`); the delivery layer depends on this token only.
 */
export abstract class NotificationRenderer {
  abstract render(type: NotificationType, locale: string, data: Record<string, unknown>, timeZone?: string | null): RenderedMessage;
}
