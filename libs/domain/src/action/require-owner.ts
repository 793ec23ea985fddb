import { requireText } from '../shared/guards';
import { ActionOwner } from './action-owner';

/** An owner is a named person with a role in an organisation: none of the four may be blank. */
export function requireOwner(owner: ActionOwner, field = 'owner'): ActionOwner {
  return {
    ownerId: requireText(`${field}.ownerId`, owner?.ownerId),
    name: requireText(`${field}.name`, owner?.name),
    role: requireText(`${field}.role`, owner?.role),
    organisation: requireText(`${field}.organisation`, owner?.organisation),
  };
}
