import { InvalidValueError } from '../shared/domain-error';
import { requirePastOrToday, requireText } from '../shared/guards';
import type { ActionState, ExistingAction } from './action.decider';
import { RateDeliveryConfidence } from './action.commands';
import { ActionClosedError, ConfidenceOutOfOrderError } from './action.errors';
import { DeliveryConfidenceRated } from './action.events';
import { DELIVERY_CONFIDENCE_LEVELS, DeliveryConfidence } from './delivery-confidence';

/**
 * A confidence rating needs a commentary, as a RAG update does, and its "as at" may not be in the
 * future nor earlier than the last rating, so the history reads in order. A complete action may
 * still be rated: its impact often shows, or fails to, after delivery. Withdrawn and superseded
 * actions have no impact left to judge.
 */
export function decideConfidence(command: RateDeliveryConfidence, state: ExistingAction, now: string): DeliveryConfidenceRated {
  if (state.status === 'WITHDRAWN' || state.status === 'SUPERSEDED') {
    throw new ActionClosedError(state.ref, state.status, 'rate its delivery confidence');
  }
  const confidence = command.data.confidence;
  if (!(DELIVERY_CONFIDENCE_LEVELS as readonly string[]).includes(confidence)) {
    throw new InvalidValueError('confidence', 'isIn:HIGH,MEDIUM,LOW', 'confidence must be HIGH, MEDIUM or LOW');
  }
  const commentary = requireText('commentary', command.data.commentary);
  const asAt = requirePastOrToday('asAt', command.data.asAt, now);
  const last = state.confidence;
  if (last !== null && asAt < last.asAt) throw new ConfidenceOutOfOrderError(asAt, last.asAt);
  return {
    type: 'DeliveryConfidenceRated',
    data: { actionId: state.actionId, confidence: confidence as DeliveryConfidence, previousConfidence: last?.level ?? null, commentary, asAt },
  };
}

export function evolveConfidence(state: ExistingAction, event: DeliveryConfidenceRated): ActionState {
  return { ...state, confidence: { level: event.data.confidence, asAt: event.data.asAt } };
}
