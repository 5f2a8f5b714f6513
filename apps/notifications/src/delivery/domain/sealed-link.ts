/**
 * What a template gets, and a stored message holds, in place of a link that is a bearer secret (an invitation's accept
 * URL with its token): the real link exists only sealed (`delivery.sealed_link`) and is put in when the email is sent.
 */
export const SEALED_LINK_PLACEHOLDER = 'urn:twinning:sealed-link';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

/** Whether a rendered text or html part carries the placeholder (else the link would silently be missing). */
export function carriesSealedLink(part: string): boolean {
  return part.includes(SEALED_LINK_PLACEHOLDER);
}

/** The text part with the opened link in place of the placeholder. */
export function textWithLink(text: string, link: string): string {
  return text.split(SEALED_LINK_PLACEHOLDER).join(link);
}

/** The html part with the opened link, escaped as Handlebars would have escaped it, in place of the placeholder. */
export function htmlWithLink(html: string, link: string): string {
  return html.split(SEALED_LINK_PLACEHOLDER).join(link.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]));
}
