import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { MeetingReadService } from './meeting-read.service';
import { MeetingsResolver } from './meetings.resolver';

@Module({
  imports: [ActionsModule],
  providers: [MeetingsResolver, MeetingReadService],
})
export class MeetingsModule {}
