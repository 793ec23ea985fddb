import { CommandMetadata } from '../shared/command-metadata';
import { requireText } from '../shared/guards';
import { ActionOwner } from '../action/action-owner';
import { OwnerCommand } from './owner.commands';
import { OwnerEvent } from './owner.events';
import { OwnerNameTakenError, OwnerNotFoundError } from './owner.errors';

/**
 * An owner's stream holds only what was said about the person themselves (renames); who they are
 * before the first rename comes from the plans that name them, so the decider is told.
 */
export type OwnerState = { renamed: false } | { renamed: true; ownerId: string; name: string; organisation: string; role: string | null };

export interface OwnerDecisionContext {
  /** The owner as the plans last recorded them; null when no plan names this id. */
  recorded: ActionOwner | null;
  /** Another owner currently recorded under the name and organisation asked for, if any. */
  sameNameOwnerId: string | null;
}

export const initialOwnerState = (): OwnerState => ({ renamed: false });

export function evolveOwner(state: OwnerState, event: OwnerEvent): OwnerState {
  switch (event.type) {
    case 'OwnerRenamed': {
      const { ownerId, name, organisation, role } = event.data;
      return { renamed: true, ownerId, name, organisation, role: role ?? (state.renamed ? state.role : null) };
    }
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}

export function decideOwner(command: OwnerCommand, state: OwnerState, _metadata: CommandMetadata, context: OwnerDecisionContext): OwnerEvent[] {
  switch (command.type) {
    case 'RenameOwner': {
      const { ownerId } = command.data;
      const current = state.renamed ? state : context.recorded;
      if (!current) throw new OwnerNotFoundError(ownerId);
      const name = requireText('name', command.data.name);
      const organisation = command.data.organisation == null ? current.organisation : requireText('organisation', command.data.organisation);
      const role = command.data.role == null ? null : requireText('role', command.data.role);
      if (context.sameNameOwnerId !== null && context.sameNameOwnerId !== ownerId) throw new OwnerNameTakenError(name, organisation);
      // The plans hold the latest title (an action reassigned may give a new one); the stream only what a rename said.
      const title = context.recorded?.role ?? current.role;
      // Saying what is already recorded changes nothing, so it records nothing; a change of case is a change.
      if (name === current.name && organisation === current.organisation && (role === null || role === title)) return [];
      return [{ type: 'OwnerRenamed', data: { ownerId, name, organisation, role, previousName: current.name, previousOrganisation: current.organisation } }];
    }
    default: {
      const unhandled: never = command.type;
      return unhandled;
    }
  }
}
