import { IsUrl } from 'class-validator';
import { BaseServiceEnv } from '@twinning/platform-config';

const URL_OPTS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

export class GatewayEnv extends BaseServiceEnv {
  override PORT = 3000;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_gateway';

  @IsUrl(URL_OPTS)
  DELEGATIONS_URL = 'http://127.0.0.1:3001';

  @IsUrl(URL_OPTS)
  HOST_MATCHING_URL = 'http://127.0.0.1:3002';

  @IsUrl(URL_OPTS)
  LOGISTICS_URL = 'http://127.0.0.1:3003';

  @IsUrl(URL_OPTS)
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';
}
