import { Injectable } from '@nestjs/common';
import { PlanCommand, PlanEvent, planDecider, PlanNotFoundError, PlanState, planStream } from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** A plan's commands: creating it, revising it, its stale threshold and update rounds. */
@Injectable()
export class PlanCommands {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: PlanCommand, options: CommandOptions): Promise<CommandResult<PlanEvent, PlanState>> {
    return this.runner.run(planStream(command.data.planId), planDecider, command, options, undefined, async (plan) => {
      if (command.type === 'CreatePlan') return this.runner.authorize(options, command.type, command.data.localArea.id);
      if (plan.status !== 'active') return;
      return this.runner.authorize(options, command.type, plan.localArea.id, undefined, () => new PlanNotFoundError(plan.planId));
    });
  }
}
