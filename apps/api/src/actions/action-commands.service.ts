import { Injectable } from '@nestjs/common';
import {
  ActionCommand,
  ActionDecisionContext,
  actionDecider,
  ActionEvent,
  ActionNotFoundError,
  ActionState,
  actionStream,
  ExistingAction,
  planDecider,
  PlanNotFoundError,
  planStream,
  Principal,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** An action's commands; an action's owner and delegates may send some of them to their own actions. */
@Injectable()
export class ActionCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: ActionCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<ActionEvent, ActionState>> {
    const context = await this.contextFor(command);
    const authorize = async (action: ActionState) => {
      if (command.type === 'AddAction') {
        const plan = context.plan;
        if (plan?.status !== 'active') return;
        return this.runner.authorize(options, command.type, plan.localArea.id, undefined, () => new PlanNotFoundError(plan.planId));
      }
      if (!action.exists) return;
      const plan = await this.runner.fold(planStream(action.planId), planDecider);
      if (plan.status !== 'active') return;
      return this.runner.authorizeOnAction(options, command.type, action, plan);
    };
    return this.runner.run(actionStream(command.data.actionId), actionDecider, command, options, context, authorize, expectedRevision);
  }

  /**
   * Refuses, before any other work, someone who may not send this kind of command to the action
   * now: the check the command itself runs, for requests that must not read a body first (an upload).
   */
  async requireMayActOn(commandType: ActionCommand['type'], actionId: string, principal: Principal): Promise<ExistingAction> {
    const action = await this.runner.fold(actionStream(actionId), actionDecider);
    if (!action.exists) throw new ActionNotFoundError(actionId);
    const plan = await this.runner.fold(planStream(action.planId), planDecider);
    if (plan.status !== 'active') throw new ActionNotFoundError(actionId);
    this.runner.authorizeOnAction({ principal }, commandType, action, plan);
    return action;
  }

  private async contextFor(command: ActionCommand): Promise<ActionDecisionContext> {
    if (command.type === 'AddAction') {
      return { plan: await this.runner.fold(planStream(command.data.planId), planDecider) };
    }
    if (command.type === 'SupersedeAction') {
      return { supersedingAction: await this.runner.fold(actionStream(command.data.supersededByActionId), actionDecider) };
    }
    return {};
  }
}
