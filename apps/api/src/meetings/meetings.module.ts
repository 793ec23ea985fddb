import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AsAtModule } from '../as-at/as-at.module';
import { ChallengesModule } from '../challenges/challenges.module';
import { FollowUpReadService } from '../follow-ups/follow-up-read.service';
import { FollowUpsResolver } from '../follow-ups/follow-ups.resolver';
import { RisksModule } from '../risks/risks.module';
import { ReadingModule } from '../reading/reading.module';
import { MeetingAgendaResolver } from './agenda/meeting-agenda.resolver';
import { MeetingAgendaService } from './agenda/meeting-agenda.service';
import { MeetingReadService } from '../reading/meeting-read.service';
import { MeetingsResolver } from './meetings.resolver';
import { RiskDecisionsResolver } from './risk-decisions.resolver';

const RESOLVERS = [MeetingsResolver, FollowUpsResolver, MeetingAgendaResolver, RiskDecisionsResolver];
const READERS = [MeetingReadService, FollowUpReadService, MeetingAgendaService];

/** The board's own record and working tools: meetings, decisions, the action log, the agenda. */
@Module({
  imports: [ActionsModule, AsAtModule, RisksModule, ChallengesModule, ReadingModule],
  providers: [...RESOLVERS, ...READERS],
})
export class MeetingsModule {}
