import { Logger } from '@nestjs/common';

/**
 * Runs `work` every `intervalMs` (0: never) in the background: never two runs at once, a failure
 * is logged and the next tick tries again, and the timer does not keep the process alive.
 * Services start it in onModuleInit and stop it in onModuleDestroy.
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly log: Logger;

  constructor(private readonly name: string, private readonly intervalMs: number, private readonly work: () => Promise<string | undefined>) {
    this.log = new Logger(name);
  }

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const summary = await this.work();
      if (summary) this.log.log(summary);
    } catch (e) {
      this.log.error(`${this.name} failed: ${(e as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
