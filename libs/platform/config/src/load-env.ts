import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class EnvValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  ${problems.join('\n  ')}`);
    this.name = 'EnvValidationError';
  }
}

/**
 * Validates process.env (or a given record) into a typed settings class and fails fast with a
 * message naming every bad variable. Settings classes declare defaults as property initialisers.
 */
export function loadEnv<T extends object>(cls: new () => T, env: Record<string, string | undefined> = process.env): T {
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') defined[k] = v;
  const settings = plainToInstance(cls, defined, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(settings, { whitelist: false, forbidUnknownValues: false });
  if (errors.length) {
    throw new EnvValidationError(
      errors.map((e) => `${e.property}=${JSON.stringify(env[e.property] ?? null)}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return settings;
}

/** For main.ts: validate or print the problems and exit 1 before anything starts. */
export function loadEnvOrExit<T extends object>(cls: new () => T, service: string, env: Record<string, string | undefined> = process.env): T {
  try {
    return loadEnv(cls, env);
  } catch (e) {
    if (e instanceof EnvValidationError) {
      process.stderr.write(`[${service}] refusing to start. ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
