import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { PlanCommand, Principal } from '@send/domain';
import { ActionReadService } from '../actions/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { PlanCommandService } from '../commands/plan-command.service';
import { listComplexity } from '../hardening/list-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { CloseUpdateRoundInput, OpenUpdateRoundInput } from './dto/update-round.inputs';
import { UpdateRoundModel } from './models/update-round.model';
import { UpdateRoundProgressService } from './update-round-progress.service';

@Resolver(() => UpdateRoundModel)
export class UpdateRoundsResolver {
  constructor(
    private readonly commands: PlanCommandService,
    private readonly projections: ProjectionService,
    private readonly plans: ActionReadService,
    private readonly progress: UpdateRoundProgressService,
  ) {}

  @Query(() => [UpdateRoundModel], { description: "A plan's update rounds, newest first.", complexity: listComplexity(6) })
  async updateRounds(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<UpdateRoundModel[]> {
    const plan = await this.plans.plan(planId, principal);
    return this.progress.rounds(plan.planId, principal);
  }

  @Mutation(() => UpdateRoundModel, { description: 'Ask every owner for an update by a deadline (programme office).' })
  openUpdateRound(@Args('input') input: OpenUpdateRoundInput, @CurrentPrincipal() principal: Principal): Promise<UpdateRoundModel> {
    const roundId = randomUUID();
    return this.run({ type: 'OpenUpdateRound', data: { planId: input.planId, roundId, title: input.title, deadline: input.deadline } }, roundId, principal);
  }

  @Mutation(() => UpdateRoundModel)
  closeUpdateRound(@Args('input') input: CloseUpdateRoundInput, @CurrentPrincipal() principal: Principal): Promise<UpdateRoundModel> {
    return this.run({ type: 'CloseUpdateRound', data: { planId: input.planId, roundId: input.roundId } }, input.roundId, principal);
  }

  private async run(command: PlanCommand, roundId: string, principal: Principal): Promise<UpdateRoundModel> {
    const result = await this.commands.executePlanCommand(command, { principal });
    await this.projections.caughtUpTo(result.position);
    const rounds = await this.progress.rounds(command.data.planId, principal);
    return rounds.find((r) => r.id === roundId)!;
  }
}
