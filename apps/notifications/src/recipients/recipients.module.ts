import { Global, Module } from '@nestjs/common';
import { RecipientDirectory } from '../delivery/recipient-directory';
import { RecipientQueries } from './application/recipient-queries';
import { ReadModelRecipientDirectory } from './infrastructure/read-model-recipient-directory';
import { RecordRecipientsConsumer } from './messaging/record-recipients.consumer';

/**
 * Notifications' own read model of people, roles, delegations, families, placements and travel (issue #7, item 1),
 * and the RecipientDirectory delivery reads. Global: delivery and the alerts use its providers without importing it.
 */
@Global()
@Module({
  providers: [RecordRecipientsConsumer, RecipientQueries, { provide: RecipientDirectory, useClass: ReadModelRecipientDirectory }],
  exports: [RecipientQueries, RecipientDirectory],
})
export class RecipientsModule {}
