import { ForbiddenError } from './access.errors';
import { canSeeArea, rolesIn } from './access-policy';
import { Principal } from './principal';
import { Role, RoleGrant } from './roles';
import { UserNotFoundError } from './user.errors';

/**
 * Who may change a person's identity data: their email address now, and their name or owner
 * link should those ever become changeable. That data is the person in every area they work in:
 * their reminders and digests, with action titles and links, go to the address. So only someone
 * who administers every one of those areas may change it. Any administrator may grant a person a
 * role in their own area; holding that one more role must not hand the granter the person's
 * identity in the areas they already worked in.
 *
 * Returns the role the change is made under, or throws: UserNotFoundError when the caller can
 * see none of the person's areas (the person does not exist for them), ForbiddenError when they
 * can see some but do not administer them all.
 */
export function authorizeIdentityChange(principal: Principal, person: { userId: string; grants: readonly RoleGrant[] }, what: string): Role {
  const theirAreas = [...new Set(person.grants.map((g) => g.localAreaId))];
  const administers = (area: string) => rolesIn(principal, area).includes('PLAN_ADMINISTRATOR');
  // Someone with no role anywhere is in no area yet, as at registration, which any administrator may do.
  if (theirAreas.length === 0) {
    if (principal.grants.some((g) => g.role === 'PLAN_ADMINISTRATOR')) return 'PLAN_ADMINISTRATOR';
    throw new ForbiddenError(what, ['a plan administrator']);
  }
  if (!theirAreas.some((area) => canSeeArea(principal, area))) throw new UserNotFoundError(person.userId);
  if (theirAreas.every(administers)) return 'PLAN_ADMINISTRATOR';
  throw new ForbiddenError(`${what}, as they also work in an area you do not administer`, ['a plan administrator of every area they work in']);
}
