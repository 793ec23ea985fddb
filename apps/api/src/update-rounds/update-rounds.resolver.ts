import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { PlanCommand, Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PlanCommands } from '../plans/plan-commands.service';
import { listComplexity } from '../hardening/list-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { planHistoryComplexity } from '../hardening/history-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { CloseUpdateRoundInput, OpenUpdateRoundInput } from './dto/update-round.input';
import { UpdateRoundModel } from './models/update-round.model';
import { UpdateRoundProgressService } from './update-round-progress.service';

@Resolver(() => UpdateRoundModel)
export class UpdateRoundsResolver {
  constructor(
    private readonly commands: PlanCommands,
    private readonly projections: ProjectionService,
    private readonly plans: ActionReadService,
    private readonly progress: UpdateRoundProgressService,
  ) {}

  // Closed rounds are shown as the plan stood at their close: one fold of the plan for all of them.
  @Query(() => [UpdateRoundModel], { description: "A plan's update rounds, newest first.", complexity: planHistoryComplexity(1, listComplexity(6)) })
  @ExpensiveRead()
  async updateRounds(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<UpdateRoundModel[]> {
    const plan = await this.plans.plan(planId, principal);
    return this.progress.rounds(plan.planId, principal);
  }

  @Mutation(() => UpdateRoundModel, { description: 'Ask every owner for an update by a deadline (programme office).', complexity: planHistoryComplexity() })
  openUpdateRound(@Args('input') input: OpenUpdateRoundInput, @CurrentPrincipal() principal: Principal): Promise<UpdateRoundModel> {
    const roundId = randomUUID();
    return this.run({ type: 'OpenUpdateRound', data: { planId: input.planId, roundId, title: input.title, deadline: input.deadline } }, roundId, principal);
  }

  @Mutation(() => UpdateRoundModel, { complexity: planHistoryComplexity() })
  closeUpdateRound(@Args('input') input: CloseUpdateRoundInput, @CurrentPrincipal() principal: Principal): Promise<UpdateRoundModel> {
    return this.run({ type: 'CloseUpdateRound', data: { planId: input.planId, roundId: input.roundId } }, input.roundId, principal);
  }

  private async run(command: PlanCommand, roundId: string, principal: Principal): Promise<UpdateRoundModel> {
    const result = await this.commands.execute(command, { principal });
    await this.projections.caughtUpTo(result.position);
    const rounds = await this.progress.rounds(command.data.planId, principal);
    return rounds.find((r) => r.id === roundId)!;
  }
}
