import { Module } from '@nestjs/common';
import { ParticipantsService } from './application/participants.service';
import { ParticipantsController } from './http/participants.controller';

@Module({
  controllers: [ParticipantsController],
  providers: [ParticipantsService],
  exports: [ParticipantsService],
})
export class ParticipantsModule {}
