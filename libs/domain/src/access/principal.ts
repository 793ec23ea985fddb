import { RoleGrant } from './roles';

/** The signed-in person a command or query is made for, with everything access checks need. */
export interface Principal {
  userId: string;
  displayName: string;
  /** The action-owner identity they act as; owners may change only the actions they own. */
  ownerId: string | null;
  grants: RoleGrant[];
}
