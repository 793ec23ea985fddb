import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { ExpensiveRead } from '../../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../../hardening/history-complexity';
import { MeetingAgendaArgs } from '../dto/meeting-agenda.args';
import { MeetingAgendaModel } from './meeting-agenda.model';
import { MeetingAgendaService } from './meeting-agenda.service';

@Resolver(() => MeetingAgendaModel)
export class MeetingAgendaResolver {
  constructor(private readonly agendas: MeetingAgendaService) {}

  @Query(() => MeetingAgendaModel, {
    description:
      'What the board must look at in a meeting: follow-ups carried from earlier meetings, escalated risks and whether the board has decided on them, slipping dependencies, open challenges, and the decisions so far. With asAt or asAtMeeting, the agenda as it stood then, each part folded from its events (knownAt applies the corrections recorded since to the actions, the only part that has corrections).',
    // Folded, it reads the plan, the register, the action log, the threads and the meetings: five folds.
    complexity: asAtComplexity(({ childComplexity }) => 20 * childComplexity, 5),
  })
  @ExpensiveRead(readsThePast)
  meetingAgenda(@Args() args: MeetingAgendaArgs, @CurrentPrincipal() principal: Principal): Promise<MeetingAgendaModel> {
    return this.agendas.agenda(args.meetingId, principal, args);
  }
}
