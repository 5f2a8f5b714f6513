import { BaseServiceEnv } from '@twinning/platform-config';

export class LogisticsEnv extends BaseServiceEnv {
  override PORT = 3003;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_logistics';
}
