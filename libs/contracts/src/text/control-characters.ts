/**
 * Characters no text field may hold: C0 controls but tab, line feed and carriage return (free text keeps its
 * layout), DEL, C1 controls, and UTF-16 surrogates that do not pair (they have no UTF-8 form). PostgreSQL's
 * text and jsonb refuse NUL outright, so a NUL that got past the edge failed the write with a 500, or stalled
 * a consumer on an event it could never store; the other controls are invisible in every view and read model.
 */
export const FORBIDDEN_TEXT_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const FORBIDDEN_TEXT_MESSAGE = 'must not contain control characters (other than tab and new line) or unpaired surrogates';

/** What `findForbiddenText` reports: the dotted path of the string (or key) that holds a forbidden character. */
export interface ForbiddenTextFinding {
  path: string;
}

/**
 * The first string in `value` (keys included, at any depth) that holds a forbidden character, or null. Walks with
 * its own stack, not recursion, so a deeply nested value cannot overflow the call stack.
 */
export function findForbiddenText(value: unknown, root = ''): ForbiddenTextFinding | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (FORBIDDEN_TEXT_CHARACTER.test(v)) return { path };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], path ? `${path}.${i}` : String(i)]);
    } else if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const at = path ? `${path}.${keys[i]}` : keys[i];
        if (FORBIDDEN_TEXT_CHARACTER.test(keys[i])) return { path: at };
        stack.push([(v as Record<string, unknown>)[keys[i]], at]);
      }
    }
  }
  return null;
}
