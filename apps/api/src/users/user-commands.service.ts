import { Injectable } from '@nestjs/common';
import { ACCESS_RULES, authorizeIdentityChange, RoleGrant, UserAlreadyExistsError, UserCommand, userDecider, UserEvent, UserState, userStream } from '@send/domain';
import { CommandResult } from '@send/event-store';
import { CommandOptions, CommandRunner } from '../commands/runner/command-runner.service';

/** People's commands: registering them, their roles, their email address and the owner they act as. */
@Injectable()
export class UserCommands {
  constructor(private readonly runner: CommandRunner) {}

  execute(command: UserCommand, options: CommandOptions): Promise<CommandResult<UserEvent, UserState>> {
    return this.runner.run(userStream(command.data.userId), userDecider, command, options, undefined, async (user) => {
      const { principal } = options;
      if (principal === 'system') return;
      // Registering a person is not tied to one area: any plan administrator may do it.
      const anyAdministeredArea = principal.grants.find((g) => g.role === 'PLAN_ADMINISTRATOR')?.localAreaId ?? '';
      if (command.type === 'RegisterUser') return this.runner.authorize(options, command.type, anyAdministeredArea);
      if (command.type === 'GrantRole' || command.type === 'RevokeRole') return this.runner.authorize(options, command.type, command.data.localAreaId);
      // The decider refuses a person who does not exist; access is only about people who do.
      if (!user.exists) return this.runner.authorize(options, command.type, anyAdministeredArea);
      // Their address and the owner they act as are both who they are, in every area they work in.
      const role = authorizeIdentityChange(principal, user, ACCESS_RULES[command.type].what);
      return { actor: { userId: principal.userId, displayName: principal.displayName, role } };
    });
  }

  /**
   * Registers a person unless they already are, then grants each role they do not yet hold: how
   * the operator's CLI, the demo and the tests set people up. `commandIdFor` names each step's
   * command id (the register step is "register", a grant "grant:<role>:<area>"). `appended` counts
   * every event written, the email address among them.
   */
  async ensureUser(
    user: { userId: string; displayName: string; ownerId: string | null; email?: string | null },
    grants: RoleGrant[],
    options: Omit<CommandOptions, 'commandId'> & { commandIdFor?: (step: string) => string },
  ): Promise<{ registered: boolean; granted: number; appended: number }> {
    const { commandIdFor, ...common } = options;
    let registered = true;
    let appended = 0;
    try {
      appended += (await this.execute({ type: 'RegisterUser', data: user }, { ...common, commandId: commandIdFor?.('register') })).events.length;
    } catch (error) {
      if (!(error instanceof UserAlreadyExistsError)) throw error;
      registered = false;
      if (user.email !== undefined) {
        const changed = await this.execute({ type: 'SetUserEmail', data: { userId: user.userId, email: user.email } }, { ...common, commandId: commandIdFor?.(`email:${user.email}`) });
        appended += changed.events.length;
      }
    }
    let granted = 0;
    for (const { role, localAreaId } of grants) {
      const result = await this.execute(
        { type: 'GrantRole', data: { userId: user.userId, role, localAreaId } },
        { ...common, commandId: commandIdFor?.(`grant:${role}:${localAreaId}`) },
      );
      granted += result.events.length;
    }
    return { registered, granted, appended: appended + granted };
  }
}
