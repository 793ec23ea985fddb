import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { listComplexity } from '../hardening/list-complexity';
import { RiskModel } from '../risks/models/risk.model';
import type { RiskReader } from '../risks/risk-reader';
import { MeetingReadService } from '../reading/meeting-read.service';
import { PlanDecisionModel } from './models/meeting.model';

/** A risk's page shows what the board decided about it; the decisions live with the meetings. */
@Resolver(() => RiskModel)
export class RiskDecisionsResolver {
  /** As at an instant, the meetings are folded once per register read (one reader per request), however many risks ask. */
  private readonly folded = new WeakMap<RiskReader, Promise<PlanDecisionModel[]>>();

  constructor(private readonly meetings: MeetingReadService) {}

  @ResolveField(() => [PlanDecisionModel], {
    description: 'What the board decided about this risk, oldest meeting first; for a register read as at an instant or board meeting, the decisions recorded by then.',
    complexity: listComplexity(3),
  })
  async decisions(@Parent() risk: RiskModel): Promise<PlanDecisionModel[]> {
    const { reader } = risk;
    if (reader.asAt === undefined) return this.meetings.decisionsOnRisk(risk.id);
    let decisions = this.folded.get(reader);
    if (!decisions) {
      decisions = this.meetings.planDecisionsAt(risk.planId, reader.asAt);
      this.folded.set(reader, decisions);
    }
    return decisions.then((all) => all.filter((d) => d.riskId === risk.id));
  }
}
