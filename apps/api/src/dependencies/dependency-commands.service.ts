import { Injectable } from '@nestjs/common';
import {
  actionDecider,
  actionStream,
  DependencyCommand,
  dependencyDecider,
  DependencyDecisionContext,
  DependencyEvent,
  DependencyNetworkState,
  dependencyNetworkStream,
  planDecider,
  PlanNotFoundError,
  planStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** Declaring and removing dependencies: commands on the plan's dependency network. */
@Injectable()
export class DependencyCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: DependencyCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<DependencyEvent, DependencyNetworkState>> {
    const { planId, actionId, dependsOnActionId } = command.data;
    const context: DependencyDecisionContext = {};
    const authorize = async () => {
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      context.plan = plan;
      [context.action, context.dependsOnAction] = await Promise.all([
        this.runner.fold(actionStream(actionId), actionDecider),
        this.runner.fold(actionStream(dependsOnActionId), actionDecider),
      ]);
      // The owner of the action that waits may say what it waits for; an action of another plan owns nothing here.
      const waiting = context.action.exists && context.action.planId === planId ? context.action : undefined;
      return this.runner.authorize(options, command.type, plan.localArea.id, waiting?.owner.ownerId, () => new PlanNotFoundError(planId), waiting ? Object.keys(waiting.delegates) : []);
    };
    return this.runner.run(dependencyNetworkStream(planId), dependencyDecider, command, options, context, authorize, expectedRevision);
  }
}
