import { Injectable } from '@nestjs/common';
import {
  actionDecider,
  actionStream,
  MetricCommand,
  metricDecider,
  MetricDecisionContext,
  MetricEvent,
  MetricNotFoundError,
  MetricState,
  metricStream,
  planDecider,
  PlanNotFoundError,
  planStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** Scorecard metrics' commands: definitions, targets, measurements and their corrections, comparators. */
@Injectable()
export class MetricCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: MetricCommand, options: CommandOptions): Promise<CommandResult<MetricEvent, MetricState>> {
    const definition = command.type === 'DefineMetric' || command.type === 'ReviseMetric' ? command.data : undefined;
    const context: MetricDecisionContext = {};
    return this.runner.run(metricStream(command.data.metricId), metricDecider, command, options, context, async (metric) => {
      const planId = command.type === 'DefineMetric' ? command.data.planId : metric.exists ? metric.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      // The decision checks the linked actions against the plan; both are read once access is settled.
      context.plan = plan;
      if (definition) context.actions = await Promise.all(definition.actionIds.map((id) => this.runner.fold(actionStream(id), actionDecider)));
      const hidden = () => (command.type === 'DefineMetric' ? new PlanNotFoundError(planId) : new MetricNotFoundError(command.data.metricId));
      return this.runner.authorize(options, command.type, plan.localArea.id, undefined, hidden);
    });
  }
}
