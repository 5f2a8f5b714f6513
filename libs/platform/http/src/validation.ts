import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { findForbiddenText, FORBIDDEN_TEXT_MESSAGE } from '@twinning/contracts';

type FieldErrors = { field: string; messages: string[] }[];

function flatten(errors: ValidationError[], parent = ''): FieldErrors {
  const out: FieldErrors = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, messages: Object.values(e.constraints) });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

function invalid(fields: FieldErrors): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', code: 'REQUEST.INVALID', message: fields.flatMap((f) => f.messages), fields });
}

/**
 * The path of a `__proto__` key anywhere in `value`, or null. JSON.parse makes it an own property, which
 * class-transformer then drops without a word (it never reaches the whitelist), so it is looked for here.
 */
function findProtoKey(value: unknown, root: string): string | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (key === '__proto__') return at;
      stack.push([(v as Record<string, unknown>)[key], at]);
    }
  }
  return null;
}

/**
 * Before the DTO rules, on every body, query and route parameter: no text may hold a character no read model can
 * store (the contracts' rule, the same the event consumers apply; a NUL used to reach PostgreSQL and fail the write
 * with a 500), and a `__proto__` key is an unknown field like any other.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const root = metadata.data ?? '';
      const proto = findProtoKey(value, root);
      if (proto) throw invalid([{ field: proto, messages: [`property ${proto} should not exist`] }]);
      const forbidden = findForbiddenText(value, root);
      if (forbidden) throw invalid([{ field: forbidden.path, messages: [`${forbidden.path || metadata.type} ${FORBIDDEN_TEXT_MESSAGE}`] }]);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Every body, query and param is validated and whitelisted; unknown fields are refused. A 400
 * names each bad field: `{ statusCode, error, message: ["endDate must not be before startDate"], fields: [{ field, messages }] }`.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
