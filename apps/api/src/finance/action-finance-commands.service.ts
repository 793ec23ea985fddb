import { Injectable } from '@nestjs/common';
import {
  ActionFinanceCommand,
  actionFinanceDecider,
  ActionFinanceDecisionContext,
  ActionFinanceEvent,
  ActionFinanceState,
  actionDecider,
  actionStream,
  FundingActionNotFoundError,
  FundingRevisionRequiredError,
  fundingStream,
  planDecider,
  PlanNotFoundError,
  planStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/**
 * Money on a plan's actions and priorities, on the plan's one funding stream. Spend to date is
 * the one figure an action's owner (or their delegate) may record, so the action is loaded before
 * access is decided; anyone who cannot see the plan's area is told it does not exist.
 */
@Injectable()
export class ActionFinanceCommands {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: ActionFinanceCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<ActionFinanceEvent, ActionFinanceState>> {
    const { planId } = command.data;
    const context: ActionFinanceDecisionContext = {};
    const authorize = async (state: ActionFinanceState) => {
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      const hidden = () => new PlanNotFoundError(planId);
      let actor;
      if (command.type === 'SetPrioritySavingsTarget') {
        actor = this.runner.authorize(options, command.type, plan.localArea.id, undefined, hidden);
      } else {
        const action = await this.runner.fold(actionStream(command.data.actionId), actionDecider);
        const inPlan = action.exists && action.planId === planId;
        actor = this.runner.authorize(options, command.type, plan.localArea.id, inPlan ? action.owner.ownerId : undefined, hidden, inPlan ? Object.keys(action.delegates) : []);
        if (!inPlan) throw new FundingActionNotFoundError(command.data.actionId);
        context.action = action;
      }
      context.plan = plan;
      if (expectedRevision === undefined && state.recorded > 0) throw new FundingRevisionRequiredError(planId);
      return actor;
    };
    return this.runner.run(fundingStream(planId), actionFinanceDecider, command, options, context, authorize, expectedRevision);
  }
}
