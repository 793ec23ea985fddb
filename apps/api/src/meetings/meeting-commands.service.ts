import { Injectable } from '@nestjs/common';
import {
  actionDecider,
  actionStream,
  MeetingCommand,
  meetingDecider,
  MeetingDecisionContext,
  MeetingEvent,
  MeetingNotFoundError,
  MeetingState,
  meetingStream,
  planDecider,
  PlanNotFoundError,
  planStream,
  riskDecider,
  riskStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** Board meetings' commands: scheduling, attendance, decisions about actions, the plan or a risk, closing. */
@Injectable()
export class MeetingCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: MeetingCommand, options: CommandOptions): Promise<CommandResult<MeetingEvent, MeetingState>> {
    const context: MeetingDecisionContext = {};
    if (command.type === 'RecordDecision') context.action = await this.runner.fold(actionStream(command.data.actionId), actionDecider);
    if (command.type === 'RecordPlanDecision' && command.data.subject?.kind === 'RISK') context.risk = await this.runner.fold(riskStream(command.data.subject.riskId), riskDecider);
    return this.runner.run(meetingStream(command.data.meetingId), meetingDecider, command, options, context, async (meeting) => {
      const planId = command.type === 'ScheduleMeeting' ? command.data.planId : meeting.exists ? meeting.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      const hidden = () =>
        command.type === 'ScheduleMeeting' ? new PlanNotFoundError(planId) : new MeetingNotFoundError(command.data.meetingId);
      return this.runner.authorize(options, command.type, plan.localArea.id, undefined, hidden);
    });
  }
}
