import { ForbiddenError } from './access.errors';
import { rolesIn } from './access-policy';
import { Principal } from './principal';
import { Role } from './roles';

/**
 * Who may see a plan's reminder mails (who was sent what, at which address): the programme office
 * that sends them, and the DfE adviser, whose oversight is read-only but of everything in the
 * area, chasing included. They reveal no address the adviser cannot already read in
 * `users(localAreaId)`. Owners and the board are reminded, not the ones who chase, so they are not
 * offered the list.
 */
export const REMINDER_READER_ROLES: readonly Role[] = ['PLAN_ADMINISTRATOR', 'DFE_ADVISER'];

/** Throws ForbiddenError unless the person holds a reader role in the area (check `canSeeArea` first). */
export function authorizeReminderReading(principal: Principal, localAreaId: string): Role {
  const role = rolesIn(principal, localAreaId).find((held) => REMINDER_READER_ROLES.includes(held));
  if (role) return role;
  throw new ForbiddenError("see a plan's reminders", ['plan administrator', 'the DfE adviser']);
}

/**
 * Who may send a reminder again: the programme office of the plan's area, who send the reminders
 * in the first place. The DfE adviser reads them and changes nothing; owners and the board are
 * reminded, not the ones who chase.
 */
export const REMINDER_RESEND_ROLES: readonly Role[] = ['PLAN_ADMINISTRATOR'];

/** Throws ForbiddenError unless the person is the programme office of the area (check `canSeeArea` first). */
export function authorizeReminderResend(principal: Principal, localAreaId: string): Role {
  const role = rolesIn(principal, localAreaId).find((held) => REMINDER_RESEND_ROLES.includes(held));
  if (role) return role;
  throw new ForbiddenError('send a reminder again', ['plan administrator']);
}
