import { ForbiddenError } from './access.errors';
import { rolesIn } from './access-policy';
import { Principal } from './principal';
import { Role } from './roles';

/**
 * Who may acknowledge a break in the history, so that writing may go on: the programme office,
 * who keep the record and answer for it. The board and the DfE adviser are told of the break (the
 * banner, the alert mail) and decide what follows; they do not lift the stop on writing.
 */
export const HISTORY_BREAK_ACKNOWLEDGER_ROLES: readonly Role[] = ['PLAN_ADMINISTRATOR'];

/** Throws ForbiddenError unless the person is the programme office of the area (check `canSeeArea` first). */
export function authorizeHistoryBreakAcknowledgement(principal: Principal, localAreaId: string): Role {
  const role = rolesIn(principal, localAreaId).find((held) => HISTORY_BREAK_ACKNOWLEDGER_ROLES.includes(held));
  if (role) return role;
  throw new ForbiddenError('acknowledge a break in the history', ['plan administrator']);
}
