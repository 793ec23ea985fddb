import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { MeetingReadService } from './meeting-read.service';
import { MeetingsResolver } from './meetings.resolver';

@Module({
  imports: [ActionsModule, AsAtModule],
  providers: [MeetingsResolver, MeetingReadService],
})
export class MeetingsModule {}
