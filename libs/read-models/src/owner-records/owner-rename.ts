import { ActionOwner, OwnerRenamed } from '@send/domain';

/** The owner columns the action, risk and mitigation rows share. */
export interface OwnerColumns {
  ownerId: string;
  ownerName: string;
  ownerRole: string;
  ownerOrganisation: string;
}

/**
 * What a rename sets on a row that shows the owner. The live projection writes it to each row the
 * owner's record lists; the as-at views apply it to every row in memory with the owner's id, so a
 * rename is taught to the rows once.
 */
export function renamedColumns(data: OwnerRenamed['data']): Partial<OwnerColumns> {
  const { name, organisation, role } = data;
  return role === null ? { ownerName: name, ownerOrganisation: organisation } : { ownerName: name, ownerOrganisation: organisation, ownerRole: role };
}

/** A row shown under its owner's new name, or unchanged when it is someone else's. */
export function withRenamedOwner<T extends OwnerColumns>(row: T, data: OwnerRenamed['data']): T {
  return row.ownerId === data.ownerId ? { ...row, ...renamedColumns(data) } : row;
}

/** An owner as the owners list holds them, renamed. */
export function renamedOwner(owner: ActionOwner, data: OwnerRenamed['data']): ActionOwner {
  return { ...owner, name: data.name, organisation: data.organisation, role: data.role ?? owner.role };
}
