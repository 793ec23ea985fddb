import { Injectable } from '@nestjs/common';
import {
  actionDecider,
  actionStream,
  planDecider,
  PlanNotFoundError,
  planStream,
  RiskCommand,
  riskDecider,
  RiskDecisionContext,
  RiskEvent,
  RiskNotFoundError,
  RiskState,
  riskStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** The risk register's commands: raising, re-scoring, mitigations, targets, closing. */
@Injectable()
export class RiskCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: RiskCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<RiskEvent, RiskState>> {
    const links = command.type === 'RaiseRisk' || command.type === 'ChangeRiskLinks' ? command.data : undefined;
    const context: RiskDecisionContext = {};
    const authorize = async (risk: RiskState) => {
      const planId = command.type === 'RaiseRisk' ? command.data.planId : risk.exists ? risk.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      // The decision checks the links against the plan and its actions; both are read once access is settled.
      context.plan = plan;
      if (links) context.actions = Object.fromEntries(await Promise.all(links.actionIds.map(async (id) => [id, await this.runner.fold(actionStream(id), actionDecider)] as const)));
      const hidden = () => (command.type === 'RaiseRisk' ? new PlanNotFoundError(planId) : new RiskNotFoundError(command.data.riskId));
      return this.runner.authorize(options, command.type, plan.localArea.id, risk.exists ? risk.ownerId : undefined, hidden);
    };
    return this.runner.run(riskStream(command.data.riskId), riskDecider, command, options, context, authorize, expectedRevision);
  }
}
