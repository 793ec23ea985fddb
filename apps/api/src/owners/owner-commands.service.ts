import { Injectable } from '@nestjs/common';
import { ACCESS_RULES, authorizeOwnerRename, OwnerCommand, ownerDecider, OwnerDecisionContext, OwnerEvent, OwnerState, ownerStream } from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';
import { OwnerDirectory } from './directory/owner-directory.service';

/** What is said about an owner themselves: their name. */
@Injectable()
export class OwnerCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly directory: OwnerDirectory,
  ) {}

  async execute(command: OwnerCommand, options: CommandOptions): Promise<CommandResult<OwnerEvent, OwnerState>> {
    const { ownerId, name } = command.data;
    const record = await this.directory.record(ownerId);
    const context: OwnerDecisionContext = { recorded: null, sameNameOwnerId: null };
    const authorize = async () => {
      const { principal } = options;
      const actor =
        principal === 'system'
          ? undefined
          : {
              userId: principal.userId,
              displayName: principal.displayName,
              role: authorizeOwnerRename(principal, ownerId, record ? await this.directory.areasOf(ownerId) : [], ACCESS_RULES.RenameOwner.what),
            };
      if (record) {
        // Read once access is settled, so a refusal says nothing about who else is called what.
        context.recorded = { ownerId, name: record.name, organisation: record.organisation, role: record.role };
        context.sameNameOwnerId = (await this.directory.byCurrentName(name, command.data.organisation ?? record.organisation))?.ownerId ?? null;
      }
      return actor && { actor };
    };
    return this.runner.run(ownerStream(ownerId), ownerDecider, command, options, context, authorize);
  }
}
