import { Role } from './roles';

export type RegisterUser = {
  type: 'RegisterUser';
  data: {
    userId: string;
    displayName: string;
    /** Links the user to the action-owner identity they act as, if any. */
    ownerId?: string | null;
  };
};

export type GrantRole = { type: 'GrantRole'; data: { userId: string; role: Role; localAreaId: string } };

export type RevokeRole = { type: 'RevokeRole'; data: { userId: string; role: Role; localAreaId: string } };

export type UserCommand = RegisterUser | GrantRole | RevokeRole;
