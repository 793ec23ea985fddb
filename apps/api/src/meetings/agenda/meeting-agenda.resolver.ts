import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { MeetingAgendaModel } from './meeting-agenda.model';
import { MeetingAgendaService } from './meeting-agenda.service';

@Resolver(() => MeetingAgendaModel)
export class MeetingAgendaResolver {
  constructor(private readonly agendas: MeetingAgendaService) {}

  @Query(() => MeetingAgendaModel, {
    description: 'What the board must look at in a meeting: follow-ups carried from earlier meetings, escalated risks and whether the board has decided on them, open challenges, and the decisions so far.',
    complexity: ({ childComplexity }) => 20 * childComplexity,
  })
  meetingAgenda(@Args('meetingId', { type: () => ID }) meetingId: string, @CurrentPrincipal() principal: Principal): Promise<MeetingAgendaModel> {
    return this.agendas.agenda(meetingId, principal);
  }
}
