import { ActionCommand } from './action.commands';
import { ActionEvent } from './action.events';
import { ActionClosedError, ActionNotFoundError, ConfidenceOutOfOrderError } from './action.errors';
import { DeliveryConfidence } from './delivery-confidence';
import { refusal } from '../shared/refusal.fixture';
import { deficitRecovery, given, when } from './action.fixture';
import { initialActionState } from './action.decider';

const { actionId, added } = deficitRecovery;
const rate = (confidence: string, asAt = '2026-05-20', commentary = 'Spend is falling but the forecast gap is still £71m'): ActionCommand => ({
  type: 'RateDeliveryConfidence',
  data: { actionId, confidence: confidence as DeliveryConfidence, commentary, asAt },
});
const rated = (confidence: DeliveryConfidence, asAt: string, previousConfidence: DeliveryConfidence | null = null): ActionEvent => ({
  type: 'DeliveryConfidenceRated',
  data: { actionId, confidence, previousConfidence, commentary: 'Board view', asAt },
});
const evidenceAccepted: ActionEvent[] = [
  { type: 'EvidenceAttached', data: { actionId, evidenceId: 'ev-1', kind: 'IMPACT', title: 'Q3 spend report', link: null, documentReference: 'SIB-2026-03', submittedBy: 'Sam Patel', file: null } },
  { type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-1' } },
];
const completed: ActionEvent = { type: 'ActionCompleted', data: { actionId, commentary: 'Delivered', asAt: '2026-03-11', previousRag: 'GREEN' } };

describe('RateDeliveryConfidence', () => {
  it('given an action never rated, emits DeliveryConfidenceRated with no previous level and the commentary trimmed', () => {
    expect(when(rate('MEDIUM', '2026-05-20', '  Recovery measures agreed; impact not yet seen  '), given([added]))).toEqual([
      {
        type: 'DeliveryConfidenceRated',
        data: { actionId, confidence: 'MEDIUM', previousConfidence: null, commentary: 'Recovery measures agreed; impact not yet seen', asAt: '2026-05-20' },
      },
    ]);
  });

  it('carries the last level as previousConfidence', () => {
    expect(when(rate('LOW'), given([added, rated('HIGH', '2026-04-01')]))[0].data).toMatchObject({ confidence: 'LOW', previousConfidence: 'HIGH' });
  });

  it('takes the previous level from the latest of several ratings', () => {
    const history = [added, rated('HIGH', '2026-02-01'), rated('MEDIUM', '2026-04-01', 'HIGH')];
    expect(when(rate('LOW'), given(history))[0].data).toMatchObject({ previousConfidence: 'MEDIUM' });
  });

  it('accepts the same level again, since a fresh judgement with its reasons is news to the board', () => {
    expect(when(rate('HIGH'), given([added, rated('HIGH', '2026-04-01')]))[0].type).toBe('DeliveryConfidenceRated');
  });

  it('changes no RAG: confidence is kept apart from progress', () => {
    const state = given([added, { type: 'ProgressReported', data: { actionId, rag: 'GREEN', previousRag: 'NOT_YET_RATED', commentary: 'On track', asAt: '2026-04-01' } }, rated('LOW', '2026-05-01')]);
    expect(state).toMatchObject({ rag: 'GREEN', lastAsAt: '2026-04-01', confidence: { level: 'LOW', asAt: '2026-05-01' } });
  });

  it.each(['VERY_HIGH', 'high', 'GREEN', ''])('refuses the level %p, naming the field', (confidence) => {
    expect(refusal(() => when(rate(confidence), given([added])))).toMatchObject({ kind: 'invalid', field: 'confidence', rule: 'isIn:HIGH,MEDIUM,LOW', message: 'confidence must be HIGH, MEDIUM or LOW' });
  });

  it('refuses a blank commentary, as a RAG update needs one', () => {
    expect(refusal(() => when(rate('LOW', '2026-05-20', ' \u200b '), given([added])))).toMatchObject({ kind: 'invalid', field: 'commentary', rule: 'required' });
  });

  it('refuses an asAt later than today by the command clock, and accepts today', () => {
    expect(refusal(() => when(rate('LOW', '2026-06-02'), given([added])))).toMatchObject({ field: 'asAt', rule: 'notInFuture' });
    expect(when(rate('LOW', '2026-06-01'), given([added]))[0].data).toMatchObject({ asAt: '2026-06-01' });
  });

  it('refuses an asAt that is not a calendar date', () => {
    expect(refusal(() => when(rate('LOW', '2026-02-30'), given([added])))).toMatchObject({ field: 'asAt', rule: 'isCalendarDate' });
  });

  it('refuses an asAt earlier than the last rating, and accepts the same day', () => {
    const history = given([added, rated('HIGH', '2026-04-01')]);
    const error = refusal(() => when(rate('LOW', '2026-03-31'), history));
    expect(error).toBeInstanceOf(ConfidenceOutOfOrderError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'asAtNotBeforeLastRating' });
    expect(when(rate('LOW', '2026-04-01'), history)[0].type).toBe('DeliveryConfidenceRated');
  });

  it('is not held back by the progress updates: a rating may describe a day before the last RAG update', () => {
    const history = given([added, { type: 'ProgressReported', data: { actionId, rag: 'GREEN', previousRag: 'NOT_YET_RATED', commentary: 'On track', asAt: '2026-05-30' } }]);
    expect(when(rate('MEDIUM', '2026-05-01'), history)[0].type).toBe('DeliveryConfidenceRated');
  });

  it('accepts a rating on a complete action, whose impact often shows after delivery', () => {
    expect(when(rate('HIGH'), given([added, ...evidenceAccepted, completed]))[0].type).toBe('DeliveryConfidenceRated');
  });

  it.each([
    ['withdrawn', { type: 'ActionWithdrawn', data: { actionId, reason: 'Folded into 8.3' } } as ActionEvent],
    ['superseded', { type: 'ActionSuperseded', data: { actionId, supersededByActionId: 'action-8-3', supersededByRef: '8.3', reason: 'Revised plan' } } as ActionEvent],
  ])('refuses on a %s action', (_status, closing) => {
    const error = refusal(() => when(rate('LOW'), given([added, closing])));
    expect(error).toBeInstanceOf(ActionClosedError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'actionNotClosed' });
    expect(error.message).toMatch(/cannot rate its delivery confidence/);
  });

  it('refuses on an action that does not exist', () => {
    expect(refusal(() => when(rate('LOW'), initialActionState()))).toBeInstanceOf(ActionNotFoundError);
  });
});
