import { Role } from './roles';

export type UserRegistered = {
  type: 'UserRegistered';
  data: { userId: string; displayName: string; ownerId: string | null };
};

export type RoleGranted = { type: 'RoleGranted'; data: { userId: string; role: Role; localAreaId: string } };

export type RoleRevoked = { type: 'RoleRevoked'; data: { userId: string; role: Role; localAreaId: string } };

/** Where reminders to this person go; null when removed. */
export type UserEmailChanged = { type: 'UserEmailChanged'; data: { userId: string; email: string | null } };

/** The action owner this person acts as, linked by id so a change of name never moves it; null when unlinked. */
export type UserOwnerLinked = { type: 'UserOwnerLinked'; data: { userId: string; ownerId: string | null } };

export type UserEvent = UserRegistered | RoleGranted | RoleRevoked | UserEmailChanged | UserOwnerLinked;

/** Current schema version of each user event; bump with an upcaster, never edit in place. */
export const USER_EVENT_VERSIONS: Record<UserEvent['type'], number> = {
  UserRegistered: 1,
  RoleGranted: 1,
  RoleRevoked: 1,
  UserEmailChanged: 1,
  UserOwnerLinked: 1,
};
