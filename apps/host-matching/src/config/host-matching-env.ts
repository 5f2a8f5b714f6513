import { BaseServiceEnv } from '@twinning/platform-config';

export class HostMatchingEnv extends BaseServiceEnv {
  override PORT = 3002;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_host_matching';
}
