import { Injectable } from '@nestjs/common';
import { authorizeReminderResend, canSeeArea, planDecider, planStream, ReminderCommand, reminderDecider, ReminderEvent, ReminderNotFoundError, ReminderState, reminderStream } from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/**
 * The one reminder command a person sends: asking for a reminder to go again. (Claims and
 * outcomes are the sender's, in ReminderLedgerService.) The plan's area is read from the
 * reminder's own stream, so a person who cannot see it is told it does not exist.
 */
@Injectable()
export class ReminderCommands {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: Extract<ReminderCommand, { type: 'RequestReminderResend' }>, expectedRevision: bigint, options: CommandOptions): Promise<CommandResult<ReminderEvent, ReminderState>> {
    const authorize = async (reminder: ReminderState) => {
      const { principal } = options;
      if (reminder.status === 'absent' || principal === 'system') return undefined;
      const plan = await this.runner.fold(planStream(reminder.planId), planDecider);
      if (plan.status !== 'active' || !canSeeArea(principal, plan.localArea.id)) throw new ReminderNotFoundError(command.data.reminderId);
      const role = authorizeReminderResend(principal, plan.localArea.id);
      return { actor: { userId: principal.userId, displayName: principal.displayName, role } };
    };
    return this.runner.run(reminderStream(command.data.reminderId), reminderDecider, command, options, undefined, authorize, expectedRevision);
  }
}
