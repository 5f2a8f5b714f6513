import { DataSourceOptions } from 'typeorm';
import { withMessagingMigrations } from '@twinning/platform-http';
import { serviceDataSourceOptions } from '@twinning/platform-persistence';
import { DelegationEntity } from '../delegations/infrastructure/delegation.entity';
import { DelegationShareEntity } from '../delegations/infrastructure/delegation-share.entity';
import { DelegationMemberEntity } from '../members/infrastructure/delegation-member.entity';
import { PartnershipEntity } from '../partnerships/infrastructure/partnership.entity';
import { ActivityEntity } from '../itinerary/infrastructure/activity.entity';
import { CreateDelegation1764288100000 } from './migrations/1764288100000-create-delegation';
import { CreateProgrammeModel1764500000000 } from './migrations/1764500000000-create-programme-model';
import { CodeAllergiesAndDiets1766100000000 } from './migrations/1766100000000-code-allergies-and-diets';

export const delegationsEntities = [DelegationEntity, DelegationShareEntity, PartnershipEntity, DelegationMemberEntity, ActivityEntity];
export const delegationsMigrations = [CreateDelegation1764288100000, CreateProgrammeModel1764500000000, CodeAllergiesAndDiets1766100000000];

export function delegationsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({ url, entities: delegationsEntities, migrations: withMessagingMigrations(delegationsMigrations), applicationName: 'delegations' });
}
