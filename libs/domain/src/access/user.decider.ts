import { CommandMetadata } from '../shared/command-metadata';
import { requireText } from '../shared/guards';
import { requireEmail } from '../shared/email-address';
import { ROLES, RoleGrant } from './roles';
import { UserCommand } from './user.commands';
import { UserEvent } from './user.events';
import { RoleNotHeldError, UnknownRoleError, UserAlreadyExistsError, UserNotFoundError } from './user.errors';

export type UserState =
  | { exists: false }
  | { exists: true; userId: string; displayName: string; ownerId: string | null; grants: RoleGrant[]; email: string | null };

export const initialUserState = (): UserState => ({ exists: false });

const sameGrant = (a: RoleGrant, b: RoleGrant) => a.role === b.role && a.localAreaId === b.localAreaId;

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return { exists: true, ...event.data, grants: [], email: null };
    case 'RoleGranted':
      if (!state.exists) return state;
      return { ...state, grants: [...state.grants, { role: event.data.role, localAreaId: event.data.localAreaId }] };
    case 'RoleRevoked':
      if (!state.exists) return state;
      return { ...state, grants: state.grants.filter((g) => !sameGrant(g, event.data)) };
    case 'UserEmailChanged':
      if (!state.exists) return state;
      return { ...state, email: event.data.email };
    case 'UserOwnerLinked':
      if (!state.exists) return state;
      return { ...state, ownerId: event.data.ownerId };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export function decideUser(command: UserCommand, state: UserState, _metadata: CommandMetadata): UserEvent[] {
  if (command.type === 'RegisterUser') {
    if (state.exists) throw new UserAlreadyExistsError(command.data.userId);
    const userId = requireText('userId', command.data.userId);
    const email = command.data.email?.trim() ? requireEmail('email', command.data.email) : null;
    const registered: UserEvent = {
      type: 'UserRegistered',
      data: { userId, displayName: requireText('displayName', command.data.displayName), ownerId: command.data.ownerId?.trim() || null },
    };
    return email === null ? [registered] : [registered, { type: 'UserEmailChanged', data: { userId, email } }];
  }
  if (!state.exists) throw new UserNotFoundError(command.data.userId);
  if (command.type === 'SetUserEmail') {
    const email = command.data.email?.trim() ? requireEmail('email', command.data.email) : null;
    return email === state.email ? [] : [{ type: 'UserEmailChanged', data: { userId: state.userId, email } }];
  }
  if (command.type === 'LinkUserToOwner') {
    const ownerId = command.data.ownerId?.trim() || null;
    return ownerId === state.ownerId ? [] : [{ type: 'UserOwnerLinked', data: { userId: state.userId, ownerId } }];
  }
  if (!(ROLES as readonly string[]).includes(command.data.role)) throw new UnknownRoleError(command.data.role);
  const grant: RoleGrant = { role: command.data.role, localAreaId: requireText('localAreaId', command.data.localAreaId) };
  const held = state.grants.some((g) => sameGrant(g, grant));
  switch (command.type) {
    case 'GrantRole':
      // Granting a role someone already holds changes nothing, so it records nothing.
      return held ? [] : [{ type: 'RoleGranted', data: { userId: state.userId, ...grant } }];
    case 'RevokeRole':
      if (!held) throw new RoleNotHeldError(grant.role, grant.localAreaId);
      return [{ type: 'RoleRevoked', data: { userId: state.userId, ...grant } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
