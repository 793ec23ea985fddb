import { ActionOwner } from '@send/domain';
import { ownerIdFor } from '@send/event-store';
import { Read } from './cell-values';

/** A registered person in the plan's local area, and the action-owner identity they act as. */
export interface AreaUser {
  userId: string;
  displayName: string;
  ownerId: string | null;
}

/** The people an import may name as owners: who already owns (or owned) actions in the plan, and the area's registered owners. */
export interface KnownOwners {
  planOwners: ActionOwner[];
  areaUsers: AreaUser[];
}

/**
 * An owner is a person the tracker already knows, so a misspelt name cannot quietly create a
 * new owner nobody signs in as. People are found by the name and organisation they are recorded
 * under now (after a rename), else as everywhere else (ownerIdFor); a registered user may also be
 * named by their user id. The job title comes
 * from the "owner role" column, or else from the plan's existing owner record.
 */
export function lookUpOwner(written: string, organisation: string, role: string, known: KnownOwners, areaId: string): Read<ActionOwner> {
  // Someone renamed is found by the name they go by now, before any id is derived from the text.
  const byCurrentName = known.planOwners.find((o) => sameText(o.name, written) && sameText(o.organisation, organisation));
  if (byCurrentName) return { value: { ...byCurrentName, role: role || byCurrentName.role } };
  let ownerId = ownerIdFor(written, organisation);
  let name = written;
  const byUserId = known.areaUsers.find((u) => u.userId.toLowerCase() === written.toLowerCase() && u.ownerId !== null);
  if (byUserId && !isKnown(ownerId, known)) {
    ownerId = byUserId.ownerId!;
    name = byUserId.displayName;
  }
  const inPlan = known.planOwners.find((o) => o.ownerId === ownerId);
  if (inPlan) return { value: { ...inPlan, role: role || inPlan.role } };
  const user = known.areaUsers.find((u) => u.ownerId === ownerId);
  // A user's owner identity is a hash of the name and organisation they own actions as, so a match proves both are spelt right.
  if (user && ownerIdFor(name, organisation) === ownerId) {
    // Their own spelling of their name when it is the same person ("alex morgan" is Alex Morgan).
    if (ownerIdFor(user.displayName, organisation) === ownerId) name = user.displayName;
    if (!role) {
      return {
        code: 'OWNER_ROLE_MISSING',
        message: `${name} (${organisation}) owns no action in this plan yet, so their role is not known; give it in an "owner role" column`,
      };
    }
    return { value: { ownerId, name, role, organisation } };
  }
  return {
    code: 'UNKNOWN_OWNER',
    message:
      `"${written}" of "${organisation}" is not a known owner: nobody of that name and organisation owns an action in this plan ` +
      `or is registered as an action owner in ${areaId}. Check the spelling, or register them first (npm run grant -- --owner-name … --owner-organisation …)`,
  };
}

const isKnown = (ownerId: string, known: KnownOwners) =>
  known.planOwners.some((o) => o.ownerId === ownerId) || known.areaUsers.some((u) => u.ownerId === ownerId);

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
