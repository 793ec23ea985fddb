import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ActionFinanceCommand, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ProjectionService } from '../infrastructure/projection.service';
import { ActionReadService } from '../reading/action-read.service';
import { ActionFinanceCommands } from './action-finance-commands.service';
import { ActionFinanceReadService } from './action-finance-read.service';
import { RecordActionSpendInput, RecordSavingsEvidencedInput, SetActionFundingInput, SetPrioritySavingsTargetInput } from './dto/action-finance.input';
import { ActionFinanceModel } from './models/action-finance.model';
import { PlanFinanceModel } from './models/plan-finance.model';

type Sent = { expectedRevision?: number | null; commandId?: string };

/** Each mutation is one command on the plan's funding stream; the answer is the action's money (or the plan's) after it. */
@Resolver(() => ActionFinanceModel)
export class ActionFinanceCommandsResolver {
  constructor(
    private readonly commands: ActionFinanceCommands,
    private readonly projections: ProjectionService,
    private readonly reader: ActionFinanceReadService,
    private readonly actions: ActionReadService,
  ) {}

  @Mutation(() => ActionFinanceModel, { description: "Set (or revise, with a reason) an action's planned cost, expected savings, funding source and the priority its savings count towards (programme office)." })
  setActionFunding(@Args('input') input: SetActionFundingInput, @CurrentPrincipal() principal: Principal): Promise<ActionFinanceModel> {
    const { planId, actionId, plannedCost, expectedSavings, fundingSource, reason } = input;
    return this.forAction({ type: 'SetActionFunding', data: { planId, actionId, plannedCost, expectedSavings, fundingSource, savingsPriority: input.savingsPriority ?? null, reason } }, input, principal);
  }

  @Mutation(() => ActionFinanceModel, { description: "Record what has been spent on an action so far, as at a date; earlier figures are kept (programme office, or the action's owner)." })
  recordActionSpend(@Args('input') input: RecordActionSpendInput, @CurrentPrincipal() principal: Principal): Promise<ActionFinanceModel> {
    const { planId, actionId, spendToDate, asOfDate, commentary } = input;
    return this.forAction({ type: 'RecordActionSpend', data: { planId, actionId, spendToDate, asOfDate, commentary } }, input, principal);
  }

  @Mutation(() => ActionFinanceModel, { description: 'Record the savings an action has evidenced in a financial year so far, with what evidences them (programme office).' })
  recordSavingsEvidenced(@Args('input') input: RecordSavingsEvidencedInput, @CurrentPrincipal() principal: Principal): Promise<ActionFinanceModel> {
    const { planId, actionId, year, savings, evidence, asOfDate } = input;
    return this.forAction({ type: 'RecordSavingsEvidenced', data: { planId, actionId, year, savings, evidence, asOfDate } }, input, principal);
  }

  @Mutation(() => PlanFinanceModel, { description: "Set a recovery priority's savings target for a financial year, with the reason (programme office)." })
  async setPrioritySavingsTarget(@Args('input') input: SetPrioritySavingsTargetInput, @CurrentPrincipal() principal: Principal): Promise<PlanFinanceModel> {
    const { planId, priorityNumber, year, target, reason } = input;
    await this.send({ type: 'SetPrioritySavingsTarget', data: { planId, priorityNumber, year, target, reason } }, input, principal);
    return this.reader.forPlan(planId, undefined);
  }

  private async forAction(command: Exclude<ActionFinanceCommand, { type: 'SetPrioritySavingsTarget' }>, input: Sent, principal: Principal): Promise<ActionFinanceModel> {
    await this.send(command, input, principal);
    const { row } = await this.actions.visibleAction(command.data.actionId, principal);
    return (await this.reader.forAction(command.data.planId, { id: row.actionId, ref: row.ref, title: row.title, areaNumber: row.areaNumber }, null))!;
  }

  private async send(command: ActionFinanceCommand, input: Sent, principal: Principal): Promise<void> {
    const expected = input.expectedRevision === undefined || input.expectedRevision === null ? undefined : BigInt(input.expectedRevision);
    const result = await this.commands.execute(command, expected, { principal, commandId: input.commandId });
    await this.projections.caughtUpTo(result.position);
  }
}
