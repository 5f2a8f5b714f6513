import { BaseServiceEnv } from '@twinning/platform-config';

export class DelegationsEnv extends BaseServiceEnv {
  override PORT = 3001;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_delegations';
}
