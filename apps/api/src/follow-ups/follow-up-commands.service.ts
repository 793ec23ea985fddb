import { Injectable } from '@nestjs/common';
import {
  FollowUpCommand,
  followUpDecider,
  FollowUpDecisionContext,
  FollowUpEvent,
  FollowUpNotFoundError,
  FollowUpState,
  followUpStream,
  meetingDecider,
  MeetingNotFoundError,
  meetingStream,
  planDecider,
  PlanNotFoundError,
  planStream,
  userDecider,
  userStream,
} from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** The meeting action log's commands: a follow-up raised at a meeting, its notes, its completion or dropping. */
@Injectable()
export class FollowUpCommands {
  constructor(private readonly runner: CommandRunner) {}

  async execute(command: FollowUpCommand, options: CommandOptions): Promise<CommandResult<FollowUpEvent, FollowUpState>> {
    const context: FollowUpDecisionContext = {};
    const authorize = async (followUp: FollowUpState) => {
      let planId: string | undefined;
      if (command.type === 'RaiseFollowUp') {
        context.meeting = await this.runner.fold(meetingStream(command.data.meetingId), meetingDecider);
        if (!context.meeting.exists) throw new MeetingNotFoundError(command.data.meetingId);
        planId = context.meeting.planId;
      } else if (followUp.exists) planId = followUp.planId;
      if (planId === undefined) return;
      const plan = await this.runner.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      context.localAreaId = plan.localArea.id;
      const hidden = () => (command.type === 'RaiseFollowUp' ? new MeetingNotFoundError(command.data.meetingId) : new FollowUpNotFoundError(command.data.followUpId));
      // The owner is matched as an action's owner is: anyone signed in as a person linked to them. A
      // follow-up minuted as text named one user, who is recognised as an action's delegate is.
      const ownerId = followUp.exists ? (followUp.ownerId ?? undefined) : undefined;
      const ownerUserIds = followUp.exists && followUp.ownerUserId !== null ? [followUp.ownerUserId] : [];
      const allowed = this.runner.authorize(options, command.type, plan.localArea.id, ownerId, hidden, ownerUserIds);
      // Read only once access is settled, so a refused caller learns nothing of who is registered.
      const ownerUserId = command.type === 'RaiseFollowUp' && !command.data.owner?.ownerId?.trim() ? command.data.owner?.userId?.trim() : undefined;
      if (ownerUserId) context.ownerUser = await this.runner.fold(userStream(ownerUserId), userDecider);
      return allowed;
    };
    return this.runner.run(followUpStream(command.data.followUpId), followUpDecider, command, options, context, authorize);
  }
}
