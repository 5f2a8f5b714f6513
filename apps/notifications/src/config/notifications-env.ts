import { BaseServiceEnv } from '@twinning/platform-config';

export class NotificationsEnv extends BaseServiceEnv {
  override PORT = 3004;
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/twinning_notifications';
}
