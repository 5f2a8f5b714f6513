import { LoggerService } from '@nestjs/common';
import { createLogger, Logger } from '@twinning/platform-observability';

/** NestJS's own log lines, as JSON through pino. */
export class PinoNestLogger implements LoggerService {
  private readonly pino: Logger;
  constructor(service: string) {
    this.pino = createLogger(service);
  }
  log(message: unknown, context?: string): void { this.pino.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string): void { this.pino.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string): void { this.pino.warn({ context }, String(message)); }
  debug(message: unknown, context?: string): void { this.pino.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string): void { this.pino.trace({ context }, String(message)); }
}
