import { Inject, Injectable, Optional } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import Handlebars from 'handlebars';
import { dirname, join, resolve } from 'path';
import { NOTIFICATION_TYPES, NotificationType } from '../notification-types';
import { NotificationRenderer, RenderedMessage } from './notification-renderer';
import { HELPER_NAMES, TEMPLATE_HELPERS } from './template-helpers';

export const TEMPLATE_PARTS = ['subject', 'text', 'html'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];
/** the per-locale layouts wrapping every message's body: `{{subject}}`, `{{{body}}}`, `{{lang}}` */
export const LAYOUTS = ['_layout.text.hbs', '_layout.html.hbs'] as const;
export const FALLBACK_LOCALE = 'en';

export interface TemplateRendererOptions {
  /** the folder holding `<locale>/<type>.<part>.hbs` (default: apps/notifications/templates, found from here) */
  templatesDir?: string;
  /** the clock `{{timeLeft}}` counts from */
  now?: () => Date;
}
export const TEMPLATE_RENDERER_OPTIONS = Symbol('TEMPLATE_RENDERER_OPTIONS');

/**
 * Finds the translators' template folder from the source (apps/notifications/src/templates → ../../templates) and from
 * the build (dist/apps/notifications/src/templates → dist/apps/notifications/templates, copied by tools/scripts/build.js);
 * failing both, from the repository root (the nearest folder above with a package.json). NOTIFICATION_TEMPLATES_DIR
 * overrides.
 */
export function defaultTemplatesDir(): string {
  if (process.env.NOTIFICATION_TEMPLATES_DIR) return resolve(process.env.NOTIFICATION_TEMPLATES_DIR);
  const beside = resolve(__dirname, '..', '..', 'templates');
  if (existsSync(join(beside, FALLBACK_LOCALE))) return beside;
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'notifications', 'templates');
    if (existsSync(join(dir, 'package.json')) && existsSync(join(candidate, FALLBACK_LOCALE))) return candidate;
  }
  throw new Error(`notification templates not found (looked beside ${beside} and above ${__dirname}); set NOTIFICATION_TEMPLATES_DIR`);
}

/**
 * The locales a request may resolve to, in order: the requested tag as given (`es-mx`, if a translator added that
 * folder), its base language (`es`), then English. The organisation's default language is the caller's fallback:
 * callers pass the recipient's preferred language, or else the organisation's default.
 */
export function localeCandidates(requested: string | null | undefined): string[] {
  const tag = (requested ?? '').trim().replace(/_/g, '-').toLowerCase();
  const out: string[] = [];
  if (tag) out.push(tag, tag.split('-')[0]);
  out.push(FALLBACK_LOCALE);
  return [...new Set(out)];
}

function validZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/**
 * Renders notifications from Handlebars files translators edit: apps/notifications/templates/<locale>/<type>.subject.hbs,
 * <type>.text.hbs and <type>.html.hbs, the body wrapped in the locale's _layout.text.hbs / _layout.html.hbs. Subject and
 * text are plain (not HTML-escaped); the HTML part escapes every value. Templates are compiled once, on first use.
 */
@Injectable()
export class TemplateRenderer extends NotificationRenderer {
  readonly templatesDir: string;
  private readonly now: () => Date;
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  private readonly locales: Set<string>;

  constructor(@Optional() @Inject(TEMPLATE_RENDERER_OPTIONS) options?: TemplateRendererOptions) {
    super();
    this.templatesDir = options?.templatesDir ?? defaultTemplatesDir();
    this.now = options?.now ?? (() => new Date());
    for (const name of HELPER_NAMES) this.hbs.registerHelper(name, TEMPLATE_HELPERS[name]);
    this.locales = new Set(
      readdirSync(this.templatesDir)
        .filter((d) => !d.startsWith('.') && !d.startsWith('_') && statSync(join(this.templatesDir, d)).isDirectory())
        .map((d) => d.toLowerCase()),
    );
    if (!this.locales.has(FALLBACK_LOCALE)) throw new Error(`no '${FALLBACK_LOCALE}' templates in ${this.templatesDir}`);
  }

  /** The locale folders present (shipped: en, es, zh; a translator may add one). */
  availableLocales(): string[] {
    return [...this.locales].sort();
  }

  /** The template locale a requested language resolves to. */
  resolveLocale(requested: string | null | undefined): string {
    return localeCandidates(requested).find((l) => this.locales.has(l)) ?? FALLBACK_LOCALE;
  }

  render(type: NotificationType, locale: string, data: Record<string, unknown>, timeZone?: string | null): RenderedMessage {
    if (!(type in NOTIFICATION_TYPES)) throw new Error(`unknown notification type '${type}'`);
    const used = this.resolveLocale(locale);
    const frame = { locale: this.formattingLocale(locale, used), timeZone: validZone(timeZone), now: this.now() };
    const run = (file: string, context: unknown) => this.template(used, file)(context, { data: frame });
    const subject = run(`${type}.subject.hbs`, data).replace(/\s+/g, ' ').trim();
    const textBody = tidyText(run(`${type}.text.hbs`, data));
    const htmlBody = run(`${type}.html.hbs`, data).trim();
    const text = tidyText(run('_layout.text.hbs', { subject, body: textBody, lang: used }));
    const html = run('_layout.html.hbs', { subject, body: new Handlebars.SafeString(htmlBody), lang: used });
    return { subject, text, html, locale: used };
  }

  /** Dates follow the requested regional variant when its language is the one used (es-MX → Mexican Spanish dates). */
  private formattingLocale(requested: string, used: string): string {
    try {
      const [canonical] = Intl.getCanonicalLocales((requested ?? '').replace(/_/g, '-'));
      if (canonical && canonical.split('-')[0].toLowerCase() === used.split('-')[0] && Intl.DateTimeFormat.supportedLocalesOf([canonical]).length) {
        return canonical;
      }
    } catch {
      // not a valid BCP 47 tag: the template locale formats
    }
    return used;
  }

  private template(locale: string, file: string): HandlebarsTemplateDelegate {
    const key = `${locale}/${file}`;
    let t = this.compiled.get(key);
    if (!t) {
      const path = join(this.templatesDir, locale, file);
      if (!existsSync(path)) throw new Error(`notification template missing: ${path}`);
      const plain = !file.endsWith('.html.hbs');
      t = this.hbs.compile(readFileSync(path, 'utf8'), {
        noEscape: plain,
        knownHelpers: Object.fromEntries(HELPER_NAMES.map((h) => [h, true])),
        knownHelpersOnly: true,
      });
      this.compiled.set(key, t);
    }
    return t;
  }
}

function tidyText(s: string): string {
  return s
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
