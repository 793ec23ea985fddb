import { Injectable } from '@nestjs/common';
import {
  actionDecider,
  actionStream,
  ConditionCommand,
  conditionDecider,
  ConditionDecisionContext,
  ConditionEvent,
  ConditionNotFoundError,
  ConditionState,
  conditionStream,
  metricDecider,
  metricStream,
  planDecider,
  PlanNotFoundError,
  planStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** What a command links the condition to: the action and metric streams its decision reads. */
function linksOf(command: ConditionCommand): { actionIds: string[]; metricIds: string[] } {
  if (command.type === 'AddCondition') return command.data;
  if (command.type !== 'LinkToCondition') return { actionIds: [], metricIds: [] };
  const { kind, id } = command.data.link ?? {};
  return { actionIds: kind === 'ACTION' ? [id] : [], metricIds: kind === 'METRIC' ? [id] : [] };
}

/** The conditions register's commands: adding, rewording, quarterly status and its approval, links. */
@Injectable()
export class ConditionCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: ConditionCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<ConditionEvent, ConditionState>> {
    const context: ConditionDecisionContext = {};
    const authorize = async (condition: ConditionState) => {
      const planId = command.type === 'AddCondition' ? command.data.planId : condition.exists ? condition.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      const hidden = () => (command.type === 'AddCondition' ? new PlanNotFoundError(planId) : new ConditionNotFoundError(command.data.conditionId));
      const actor = this.runner.authorize(options, command.type, plan.localArea.id, undefined, hidden);
      // The links are read only once access is settled, so a refusal reveals nothing about them.
      const { actionIds, metricIds } = linksOf(command);
      context.plan = plan;
      context.actions = Object.fromEntries(await Promise.all(actionIds.map(async (id) => [id, await this.runner.fold(actionStream(id), actionDecider)] as const)));
      context.metrics = Object.fromEntries(await Promise.all(metricIds.map(async (id) => [id, await this.runner.fold(metricStream(id), metricDecider)] as const)));
      return actor;
    };
    return this.runner.run(conditionStream(command.data.conditionId), conditionDecider, command, options, context, authorize, expectedRevision);
  }
}
