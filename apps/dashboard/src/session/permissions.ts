import { authorizeCommand, ForbiddenError, Principal } from '@send/domain';
import type { Me } from './me.query';

type CommandType = Parameters<typeof authorizeCommand>[1];

export interface ActionOwnership {
  /** None for what is owned by user id alone (a follow-up minuted as text names its owner's user, as a delegate is named). */
  owner?: { id: string };
  delegates: { userId: string }[];
}

/**
 * Whether to show a control: the same access policy the API enforces (libs/domain), run on the
 * signed-in person's roles from `me`. It only hides what would be refused; the API still decides.
 */
export function may(me: Me, command: CommandType, localAreaId: string, action?: ActionOwnership): boolean {
  const principal: Principal = { userId: me.id, displayName: me.displayName, ownerId: me.ownerId, grants: me.roles };
  try {
    authorizeCommand(principal, command, localAreaId, action?.owner?.id, action?.delegates.map((d) => d.userId));
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}
