import { Injectable } from '@nestjs/common';
import {
  actionDecider,
  actionStream,
  ChallengeCommand,
  challengeDecider,
  ChallengeDecisionContext,
  ChallengeEvent,
  ChallengeNotFoundError,
  ChallengeState,
  challengeStream,
  planDecider,
  PlanNotFoundError,
  planStream,
  riskDecider,
  riskStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** Challenge threads' commands: a question, answers, follow-ups, the board's resolution. */
@Injectable()
export class ChallengeCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: ChallengeCommand, options: CommandOptions): Promise<CommandResult<ChallengeEvent, ChallengeState>> {
    const context: ChallengeDecisionContext = {};
    const authorize = async (challenge: ChallengeState) => {
      const raising = command.type === 'RaiseChallenge' ? command.data : undefined;
      const planId = raising ? raising.planId : challenge.exists ? challenge.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      const hidden = () => (raising ? new PlanNotFoundError(planId) : new ChallengeNotFoundError(command.data.challengeId));
      // An answer is the owner's of what is asked about now (an action's delegates too), whoever owned it when asked.
      const subject = raising ? raising.subject : challenge.exists ? { kind: challenge.subjectKind, id: challenge.subjectId } : undefined;
      if (subject?.kind === 'ACTION') context.action = await this.runner.fold(actionStream(subject.id), actionDecider);
      if (subject?.kind === 'RISK') context.risk = await this.runner.fold(riskStream(subject.id), riskDecider);
      const owner = context.action?.exists ? context.action.owner.ownerId : context.risk?.exists ? context.risk.ownerId : undefined;
      const delegates = context.action?.exists ? Object.keys(context.action.delegates) : [];
      return this.runner.authorize(options, command.type, plan.localArea.id, owner, hidden, delegates);
    };
    return this.runner.run(challengeStream(command.data.challengeId), challengeDecider, command, options, context, authorize);
  }
}
