import { Injectable } from '@nestjs/common';
import { HighNeedsCommand, highNeedsDecider, HighNeedsDecisionContext, HighNeedsEvent, HighNeedsState, highNeedsStream, planDecider, PlanNotFoundError, planStream } from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** The High Needs Block position's commands, on the plan's one position stream. */
@Injectable()
export class HighNeedsCommands {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: HighNeedsCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<HighNeedsEvent, HighNeedsState>> {
    const { planId } = command.data;
    const context: HighNeedsDecisionContext = {};
    const authorize = async () => {
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      context.plan = plan;
      return this.runner.authorize(options, command.type, plan.localArea.id, undefined, () => new PlanNotFoundError(planId));
    };
    return this.runner.run(highNeedsStream(planId), highNeedsDecider, command, options, context, authorize, expectedRevision);
  }
}
