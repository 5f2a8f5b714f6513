import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { KnownDelegationEntity } from '../delegation-directory/infrastructure/known-delegation.entity';
import { CreateKnownDelegation1764288200000 } from './migrations/1764288200000-create-known-delegation';
import { CreateRecipientsReadModel1764910000000 } from './migrations/1764910000000-create-recipients-read-model';
import { CreateDelivery1764900000000 } from './migrations/1764900000000-create-delivery';
import { SealedLinks1766300000000 } from './migrations/1766300000000-sealed-links';
import { ProblemFolds1766800000000 } from './migrations/1766800000000-problem-folds';

export function notificationsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    entities: [KnownDelegationEntity],
    migrations: withMessagingMigrations([
      CreateKnownDelegation1764288200000,
      CreateDelivery1764900000000,
      CreateRecipientsReadModel1764910000000,
      SealedLinks1766300000000,
      ProblemFolds1766800000000,
    ]),
    applicationName: 'notifications',
  });
}
