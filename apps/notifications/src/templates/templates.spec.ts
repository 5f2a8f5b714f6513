import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { NOTIFICATION_TYPES, NotificationType, SHIPPED_LOCALES } from '../notification-types';
import { missingTemplateData, TEMPLATE_FIELDS } from './template-data';
import { placeholdersOf } from './template-placeholders';
import { LAYOUTS, localeCandidates, TEMPLATE_PARTS, TemplateRenderer } from './template-renderer';
import { SAMPLE_TEMPLATE_DATA } from './template-samples';

const TYPES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];
const renderer = new TemplateRenderer({ now: () => new Date('2027-04-11T11:30:00Z') });
const dir = renderer.templatesDir;
const LOCALES = [...new Set<string>([...SHIPPED_LOCALES, ...renderer.availableLocales()])];
const read = (locale: string, file: string) => readFileSync(join(dir, locale, file), 'utf8');
const sorted = (s: Set<string>) => [...s].sort();

/** codes the templates turn into words */
const CODES = new Set(['change', 'dietCodes', 'allergyCodes']);
const INSTANT_OR_DATE = /^\d{4}-\d{2}-\d{2}(T|$)/;
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;').replace(/=/g, '&#x3D;');
}
/** the string and number leaves of sample data that must appear verbatim (instants and dates are formatted instead) */
function verbatimValues(value: unknown): string[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (Array.isArray(value)) return value.flatMap(verbatimValues);
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => (CODES.has(k) ? [] : verbatimValues(v)));
  const s = String(value);
  return INSTANT_OR_DATE.test(s) ? [] : [s];
}
/** the placeholder paths sample data provides (as TEMPLATE_FIELDS names them) */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.some((v) => v && typeof v === 'object') ? value.flatMap((v) => pathsOf(v, `${prefix.replace(/\.$/, '')}[].`)) : [prefix.replace(/\.$/, '')];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => pathsOf(v, `${prefix}${k}.`));
  return [prefix.replace(/\.$/, '')];
}

describe('notification templates: files', () => {
  it('ships en, es and zh', () => {
    expect(renderer.availableLocales()).toEqual(expect.arrayContaining([...SHIPPED_LOCALES]));
  });

  it.each(LOCALES)('%s has a subject, text and html template for every type, and both layouts', (locale) => {
    const missing = [
      ...TYPES.flatMap((t) => TEMPLATE_PARTS.map((p) => `${t}.${p}.hbs`)),
      ...LAYOUTS,
    ].filter((f) => !existsSync(join(dir, locale, f)));
    expect(missing).toEqual([]);
  });

  it.each(TYPES)('%s: every locale uses the same placeholders in each part, and they are the declared data fields', (type) => {
    const declared = Object.keys(TEMPLATE_FIELDS[type]).sort();
    for (const part of TEMPLATE_PARTS) {
      const english = sorted(placeholdersOf(read('en', `${type}.${part}.hbs`)));
      for (const locale of LOCALES) expect({ locale, part, placeholders: sorted(placeholdersOf(read(locale, `${type}.${part}.hbs`))) }).toEqual({ locale, part, placeholders: english });
    }
    for (const locale of LOCALES) {
      const all = new Set(TEMPLATE_PARTS.flatMap((p) => [...placeholdersOf(read(locale, `${type}.${p}.hbs`))]));
      expect({ locale, placeholders: sorted(all) }).toEqual({ locale, placeholders: declared });
    }
  });

  it('the layouts use the same placeholders in every locale', () => {
    for (const layout of LAYOUTS) {
      const english = sorted(placeholdersOf(read('en', layout)));
      expect(english.length).toBeGreaterThan(0);
      for (const locale of LOCALES) expect(sorted(placeholdersOf(read(locale, layout)))).toEqual(english);
    }
  });

  it.each(TYPES)('%s: the sample data provides every declared field and its types fit', (type) => {
    const provided = new Set(pathsOf(SAMPLE_TEMPLATE_DATA[type]));
    expect(Object.keys(TEMPLATE_FIELDS[type]).filter((f) => !provided.has(f))).toEqual([]);
    expect(missingTemplateData(type, SAMPLE_TEMPLATE_DATA[type] as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('reads placeholders from the AST: nested paths, each-items, helper arguments and sub-expressions', () => {
    const found = placeholdersOf(
      '{{a}} {{#if pickup}}{{pickup.time}}{{/if}} {{#each items}}{{title}} {{dateTime dueAt zone}} {{@index}}{{/each}} {{#if (eq change "x")}}{{list tags}}{{/if}} {{#with b}}{{c}}{{/with}} {{!-- {{hidden}} --}}',
    );
    expect(sorted(found)).toEqual(['a', 'b.c', 'change', 'items[].dueAt', 'items[].title', 'items[].zone', 'pickup.time', 'tags']);
  });
});

describe('notification templates: rendering', () => {
  const cases = LOCALES.flatMap((locale) => TYPES.map((type) => [type, locale] as const));

  it.each(cases)('%s in %s: subject, text and html with the values, nothing undefined', (type, locale) => {
    const data = SAMPLE_TEMPLATE_DATA[type] as unknown as Record<string, unknown>;
    const out = renderer.render(type, locale, data, 'Asia/Shanghai');
    expect(out.locale).toBe(locale);
    expect(out.subject.length).toBeGreaterThan(3);
    expect(out.subject).not.toMatch(/\n/);
    expect(out.text.length).toBeGreaterThan(out.subject.length);
    expect(out.html).toMatch(/^<!DOCTYPE html>/);
    for (const part of [out.subject, out.text, out.html]) expect(part).not.toMatch(/undefined|null|NaN|Invalid Date|\[object /);
    expect(out.text).not.toMatch(/[<>]|\*\*/); // plain text: no markup
    for (const v of verbatimValues(data)) {
      expect({ v, inText: out.text.includes(v) }).toEqual({ v, inText: true });
      expect({ v, inHtml: out.html.includes(escapeHtml(v)) }).toEqual({ v, inHtml: true });
    }
    expect(out.html).toContain(escapeHtml(out.subject)); // title and heading
  });

  it('formats an instant in the given zone, in each locale its own way', () => {
    const at = (locale: string, zone: string) => renderer.render('pickup-planned', locale, { ...SAMPLE_TEMPLATE_DATA['pickup-planned'] }, zone).text;
    expect(at('es', 'Asia/Shanghai')).toMatch(/14 de abril de 2027(,| a las) 19:30 \(Asia\/Shanghai\)/);
    expect(at('es', 'America/Los_Angeles')).toMatch(/14 de abril de 2027(,| a las) 04:30 \(America\/Los_Angeles\)/);
    expect(at('zh', 'Asia/Shanghai')).toContain('2027年4月14日 19:30 (Asia/Shanghai)');
    expect(at('zh', 'America/Los_Angeles')).toContain('2027年4月14日 04:30 (America/Los_Angeles)');
    expect(at('en', 'Asia/Shanghai')).toMatch(/April 14, 2027( at|,) 7:30\sPM \(Asia\/Shanghai\)/);
    expect(at('en', 'America/Los_Angeles')).toMatch(/April 14, 2027( at|,) 4:30\sAM \(America\/Los_Angeles\)/);
    expect(at('en-GB', 'Asia/Shanghai')).toMatch(/14 April 2027( at|,) 19:30 \(Asia\/Shanghai\)/); // the regional variant formats
    expect(at('en', 'Not/AZone')).toContain('(UTC)');
  });

  it('shows a calendar date as that day in any zone, and a flight in its own zones', () => {
    const far = renderer.render('delegation-confirmed', 'en', { ...SAMPLE_TEMPLATE_DATA['delegation-confirmed'] }, 'Pacific/Kiritimati').text;
    expect(far).toContain('April 14, 2027 – April 28, 2027');
    const flight = renderer.render('travel-changed', 'es', { ...SAMPLE_TEMPLATE_DATA['travel-changed'] }, 'UTC').text;
    expect(flight).toMatch(/Salida: 13 de abril de 2027(,| a las) 12:05 \(America\/Los_Angeles\)/);
    expect(flight).toMatch(/Llegada: 14 de abril de 2027(,| a las) 16:10 \(Asia\/Shanghai\)/);
  });

  it('counts the time left to a deadline in the locale, and lists in the locale', () => {
    const text = (locale: string) => renderer.render('offer-made', locale, { ...SAMPLE_TEMPLATE_DATA['offer-made'] }, 'Asia/Shanghai').text;
    expect(text('en')).toContain(', in 3 days.');
    expect(text('es')).toContain(', dentro de 3 días.');
    expect(text('zh')).toContain('（3天后）');
    const host = (locale: string) => renderer.render('welcome-packet-host', locale, { ...SAMPLE_TEMPLATE_DATA['welcome-packet-host'] }, 'Asia/Shanghai').text;
    // codes of the vocabulary as their labels in the recipient's language, then the note
    expect(host('en')).toContain('Diet: Vegetarian\n');
    expect(host('en')).toContain('Allergies: Peanuts and Shellfish (carries an adrenaline auto-injector)');
    expect(host('es')).toContain('Dieta: Vegetariana\n');
    expect(host('es')).toContain('Alergias: Cacahuetes y Mariscos (carries an adrenaline auto-injector)');
    expect(host('zh')).toContain('饮食：素食\n');
    expect(host('zh')).toContain('过敏：花生和贝类海鲜');
    const noteOnly = renderer.render('welcome-packet-host', 'en', { ...SAMPLE_TEMPLATE_DATA['welcome-packet-host'], needs: { dietCodes: [], allergyCodes: [], allergyNote: 'mould' } }, 'UTC').text;
    expect(noteOnly).toContain('Allergies: mould\n');
  });

  it('leaves out what is not there: no pickup, no diet, no allergies, no invitee name', () => {
    const data = { ...SAMPLE_TEMPLATE_DATA['welcome-packet-host'], pickup: null, needs: { dietCodes: [], dietNote: null, allergyCodes: [], allergyNote: null } };
    const out = renderer.render('welcome-packet-host', 'en', data, 'Asia/Shanghai');
    expect(out.text).toContain('No airport pickup is planned.');
    expect(out.text).toContain('Diet: no special diet');
    expect(out.text).toContain('Allergies: none known');
    expect(out.text + out.html).not.toMatch(/undefined|null/);
    const invite = renderer.render('invitation', 'es', { ...SAMPLE_TEMPLATE_DATA.invitation, inviteeName: undefined }, 'Europe/Madrid');
    expect(invite.text.startsWith('Hola:')).toBe(true);
    expect(missingTemplateData('offer-made', { hostName: 'x' })).toEqual(expect.arrayContaining(['guestName', 'deadline', 'offerUrl']));
  });

  it('falls back: es-MX → es, zh-CN → zh, fr → en, none → en', () => {
    const data = { ...SAMPLE_TEMPLATE_DATA['offer-reminder'] };
    expect(renderer.render('offer-reminder', 'es-MX', data, 'America/Mexico_City').locale).toBe('es');
    expect(renderer.render('offer-reminder', 'es_MX', data, 'America/Mexico_City').locale).toBe('es');
    expect(renderer.render('offer-reminder', 'zh-CN', data, 'Asia/Shanghai').locale).toBe('zh');
    const fr = renderer.render('offer-reminder', 'fr', data, 'Europe/Paris');
    expect(fr.locale).toBe('en');
    expect(fr.subject).toBe('Reminder: please answer about hosting Mateo');
    expect(fr.text).toContain('April 14, 2027'); // English text, English dates
    expect(renderer.render('offer-reminder', '', data).locale).toBe('en');
    expect(localeCandidates('es-MX')).toEqual(['es-mx', 'es', 'en']);
  });

  it('escapes values in the HTML part, and keeps them as they are in the plain parts', () => {
    const guestName = `<script>alert("x")</script> & O'Brien`;
    const out = renderer.render('offer-made', 'en', { ...SAMPLE_TEMPLATE_DATA['offer-made'], guestName }, 'Asia/Shanghai');
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#x27;Brien');
    expect(out.subject).toContain(guestName);
    expect(out.text).toContain(guestName);
  });

  it('writes an accessible HTML layout in the language used', () => {
    const zh = renderer.render('delegation-cancelled', 'zh', { ...SAMPLE_TEMPLATE_DATA['delegation-cancelled'] }, 'Asia/Shanghai').html;
    expect(zh).toContain('<html lang="zh-Hans">');
    expect(zh).toMatch(/<title>代表团已取消：Tacoma Youth Orchestra 2027<\/title>/);
    expect(zh).toMatch(/<main[^>]*>[\s\S]*<h1[^>]*>代表团已取消/);
    expect(renderer.render('digest', 'es', { ...SAMPLE_TEMPLATE_DATA.digest }, 'UTC').html).toContain('<a href="https://twinning.example/offers/o-1"');
  });

  it('refuses an unknown type', () => {
    expect(() => renderer.render('no-such-type' as NotificationType, 'en', {})).toThrow(/unknown notification type/);
  });
});
