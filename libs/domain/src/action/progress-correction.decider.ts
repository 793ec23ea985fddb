import { requirePastOrToday, requireText } from '../shared/guards';
import type { ActionState, ExistingAction } from './action.decider';
import { CorrectProgress } from './action.commands';
import { ProgressAlreadyCorrectedError, ProgressUpdateNotFoundError, SameValueError } from './action.errors';
import { ProgressCorrected } from './action.events';
import { requireReportableRag } from './reportable-rag.guard';

/**
 * A correction restates one update and leaves it in the history. Only the latest version of an
 * update may be corrected, so each correction chain has a single head the board can trust.
 */
export function decideCorrection(command: CorrectProgress, state: ExistingAction, now: string): ProgressCorrected {
  const { supersedesRevision } = command.data;
  const earlier = state.progress[supersedesRevision];
  if (!earlier) throw new ProgressUpdateNotFoundError(supersedesRevision);
  if (earlier.supersededBy !== null) throw new ProgressAlreadyCorrectedError(supersedesRevision, earlier.supersededBy);
  const rag = requireReportableRag(command.data.rag);
  const commentary = requireText('commentary', command.data.commentary);
  const asAt = requirePastOrToday('asAt', command.data.asAt, now);
  const reason = requireText('reason', command.data.reason);
  if (rag === earlier.rag && commentary === earlier.commentary && asAt === earlier.asAt) throw new SameValueError('The corrected update');
  return {
    type: 'ProgressCorrected',
    data: {
      actionId: state.actionId,
      supersedesRevision,
      rag,
      commentary,
      asAt,
      reason,
      superseded: { rag: earlier.rag, commentary: earlier.commentary, asAt: earlier.asAt },
      replacesCurrent: state.progressRevision === supersedesRevision,
    },
  };
}

/** `state.revision` is already this event's revision. */
export function evolveCorrection(state: ExistingAction, event: ProgressCorrected): ActionState {
  const { supersedesRevision, rag, commentary, asAt } = event.data;
  const earlier = state.progress[supersedesRevision];
  const progress = {
    ...state.progress,
    ...(earlier && { [supersedesRevision]: { ...earlier, supersededBy: state.revision } }),
    [state.revision]: { rag, commentary, asAt, supersededBy: null },
  };
  if (state.progressRevision !== supersedesRevision) return { ...state, progress };
  return { ...state, progress, rag, lastAsAt: asAt, progressRevision: state.revision };
}
