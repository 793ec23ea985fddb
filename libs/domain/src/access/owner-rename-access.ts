import { ForbiddenError } from './access.errors';
import { canSeeArea, rolesIn } from './access-policy';
import { Principal } from './principal';
import { Role } from './roles';
import { OwnerNotFoundError } from '../owner/owner.errors';

/**
 * Who may rename an owner. An owner's name is part of who they are, shown against their actions
 * and risks in every area that names them, to its board and in its return to the DfE; so, as for
 * a person's address (`authorizeIdentityChange`), only someone who administers every one of those
 * areas may change it. The owner themselves may not: the name on a statutory action is the
 * programme office's record, and a self-chosen one could pass for someone else.
 *
 * `areas` are the local areas of the plans that name the owner and of the people linked to them.
 * Throws OwnerNotFoundError when the caller can see none of them (the owner does not exist for
 * them), ForbiddenError when they can see some but do not administer them all.
 */
export function authorizeOwnerRename(principal: Principal, ownerId: string, areas: readonly string[], what: string): Role {
  const theirAreas = [...new Set(areas)];
  if (!theirAreas.some((area) => canSeeArea(principal, area))) throw new OwnerNotFoundError(ownerId);
  if (theirAreas.every((area) => rolesIn(principal, area).includes('PLAN_ADMINISTRATOR'))) return 'PLAN_ADMINISTRATOR';
  if (theirAreas.length > 1) throw new ForbiddenError(`${what}, as they are named in an area you do not administer`, ['a plan administrator of every area that names them']);
  throw new ForbiddenError(what, ['a plan administrator']);
}
