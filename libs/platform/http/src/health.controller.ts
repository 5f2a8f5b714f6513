import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '@twinning/platform-auth';
import { KafkaHealth } from '@twinning/platform-messaging';

interface Reply { status(code: number): Reply; json(body: unknown): void }

/** `GET /health`: 200 when the service's database and the Kafka broker answer, 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource, private readonly kafka: KafkaHealth) {}

  @Get()
  @Public()
  async health(@Res() res: Reply): Promise<void> {
    const [database, kafka] = await Promise.all([this.database(), this.kafka.check()]);
    const up = database.up && kafka.up;
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: up ? 'up' : 'down', database, kafka });
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
