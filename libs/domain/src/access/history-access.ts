import { ForbiddenError } from './access.errors';
import { rolesIn } from './access-policy';
import { Principal } from './principal';
import { Role } from './roles';

/**
 * Who may have the tamper-evident history checked: those who rely on the record being true
 * (the DfE adviser, the board) and the programme office that keeps it. Checking changes nothing,
 * but it reads the whole store, so action owners, who need none of it, are not offered it.
 */
export const HISTORY_VERIFIER_ROLES: readonly Role[] = ['DFE_ADVISER', 'BOARD_CHAIR', 'BOARD_MEMBER', 'PLAN_ADMINISTRATOR'];

/** Throws ForbiddenError unless the person holds a verifier role in the area (check `canSeeArea` first). */
export function authorizeHistoryVerification(principal: Principal, localAreaId: string): Role {
  const role = rolesIn(principal, localAreaId).find((held) => HISTORY_VERIFIER_ROLES.includes(held));
  if (role) return role;
  throw new ForbiddenError('verify the history', ['the DfE adviser', 'board chair', 'board member', 'plan administrator']);
}
