import { CommandMetadata } from '../shared/command-metadata';
import { ActionOwner } from './action-owner';
import { ActionCommand } from './action.commands';
import { ActionDecisionContext, ActionState, decideAction, evolveAction, initialActionState } from './action.decider';
import { ActionEvent } from './action.events';

/** The decider specs' given/when: fold the history, then decide at `now`. */
export const meta = (now = '2026-06-01T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
export const given = (events: ActionEvent[]): ActionState => events.reduce(evolveAction, initialActionState());
export const when = (command: ActionCommand, state: ActionState, context?: ActionDecisionContext) =>
  decideAction(command, state, meta(), context);

const financeLead: ActionOwner = { ownerId: 'owner-finance-lead', name: 'Sam Patel', role: 'Finance Lead – High Needs', organisation: 'Council' };
const director: ActionOwner = { ownerId: 'owner-director', name: 'Alex Morgan', role: 'Director of Education and Skills', organisation: 'Council' };

/** Action 8.2, the High Needs Block deficit recovery plan, as several specs start it. */
export const deficitRecovery = {
  actionId: 'action-8-2',
  financeLead,
  director,
  added: {
    type: 'ActionAdded',
    data: {
      actionId: 'action-8-2',
      planId: 'plan-1',
      ref: '8.2',
      areaNumber: 8,
      priorityNumbers: [7],
      title: 'Develop and deliver the High Needs Block deficit recovery plan',
      description: 'Draft the deficit recovery plan and put its governance live.',
      intendedImpact: 'High Needs Block spending forecast and controlled.',
      owner: financeLead,
      leadOrganisation: 'Council',
      dueDate: '2026-01-31',
    },
  } satisfies ActionEvent as ActionEvent,
};
