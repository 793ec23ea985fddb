import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { listComplexity } from '../hardening/list-complexity';
import { RiskModel } from '../risks/models/risk.model';
import { MeetingReadService } from '../reading/meeting-read.service';
import { PlanDecisionModel } from './models/meeting.model';

/** A risk's page shows what the board decided about it; the decisions live with the meetings. */
@Resolver(() => RiskModel)
export class RiskDecisionsResolver {
  constructor(private readonly meetings: MeetingReadService) {}

  @ResolveField(() => [PlanDecisionModel], {
    description: 'What the board decided about this risk, oldest meeting first. Read as the meetings stand now, also for a register asked for as recorded by an earlier instant.',
    complexity: listComplexity(3),
  })
  decisions(@Parent() risk: RiskModel): Promise<PlanDecisionModel[]> {
    return this.meetings.decisionsOnRisk(risk.id);
  }
}
