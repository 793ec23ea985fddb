import { Role } from './roles';

export type RegisterUser = {
  type: 'RegisterUser';
  data: {
    userId: string;
    displayName: string;
    /** Links the user to the action-owner identity they act as, if any. */
    ownerId?: string | null;
    /** Where reminders go; recorded as a separate UserEmailChanged so UserRegistered keeps its shape. */
    email?: string | null;
  };
};

export type GrantRole = { type: 'GrantRole'; data: { userId: string; role: Role; localAreaId: string } };

export type RevokeRole = { type: 'RevokeRole'; data: { userId: string; role: Role; localAreaId: string } };

export type SetUserEmail = { type: 'SetUserEmail'; data: { userId: string; email: string | null } };

/** Links the person to an existing action owner by id (the API checks the owner exists); null unlinks. */
export type LinkUserToOwner = { type: 'LinkUserToOwner'; data: { userId: string; ownerId: string | null } };

export type UserCommand = RegisterUser | GrantRole | RevokeRole | SetUserEmail | LinkUserToOwner;
