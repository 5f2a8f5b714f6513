import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@twinning/platform-auth';
import { KafkaHealth, MessagingReadiness } from '@twinning/platform-messaging';

interface Reply { status(code: number): Reply; json(body: unknown): void; type(t: string): Reply }

/**
 * `GET /health`: 200 when the service's database and the Kafka broker answer (what start-up scripts wait for).
 * `GET /health/live`: 200 while the process answers at all; no I/O, so a broker or database outage never
 * gets a healthy process restarted. `GET /health/ready`: every readiness check (database, producer, each
 * consumer running and not stuck, outbox draining); 503 problem details naming the failing ones.
 */
// described statically (the gateway's health-paths.ts): the scan would put it under the /api prefix it is excluded from
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaHealth,
    private readonly readiness: MessagingReadiness,
  ) {}

  @Get()
  @Public()
  async health(@Res() res: Reply): Promise<void> {
    const [database, kafka] = await Promise.all([this.database(), this.kafka.check()]);
    const up = database.up && kafka.up;
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: up ? 'up' : 'down', database, kafka });
  }

  @Get('live')
  @Public()
  live(@Res() res: Reply): void {
    res.status(HttpStatus.OK).json({ status: 'up' });
  }

  @Get('ready')
  @Public()
  async ready(@Res() res: Reply): Promise<void> {
    const checks = await this.readiness.check();
    const failing = checks.filter((c) => !c.up);
    if (failing.length === 0) {
      res.status(HttpStatus.OK).json({ status: 'up', checks });
      return;
    }
    res
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .type('application/problem+json')
      .json({
        type: 'about:blank',
        title: 'Service not ready',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'HEALTH.NOT_READY',
        detail: `failing: ${failing.map((c) => c.name).join(', ')}`,
        checks,
      });
  }

  private async database(): Promise<{ up: boolean; error?: string }> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return { up: true };
    } catch (e) {
      return { up: false, error: (e as Error).message };
    }
  }
}
