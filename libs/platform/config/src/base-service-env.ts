import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

/** Settings every service needs. A service's own env class extends this. */
export class BaseServiceEnv {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT!: number;

  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+(\?.*)?$/, { message: 'DATABASE_URL must be a postgres:// URL naming a database' })
  DATABASE_URL!: string;

  @Matches(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, { message: 'KAFKA_BROKERS must be host:port[,host:port...]' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'KAFKA_TOPIC_PREFIX may only contain letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX: string = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  SERVICE_INSTANCE?: string;
}
