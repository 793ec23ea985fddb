import { ActionCommand } from './action.commands';
import { ActionEvent, ProgressCorrected } from './action.events';
import { ActionNotFoundError, ProgressAlreadyCorrectedError, ProgressUpdateNotFoundError, SameValueError } from './action.errors';
import { initialActionState } from './action.decider';
import { ReportableRag } from './rag-status';
import { refusal } from '../shared/refusal.fixture';
import { deficitRecovery, given, when } from './action.fixture';

const { actionId, added } = deficitRecovery;
const reported = (rag: ReportableRag, asAt: string, commentary = 'Update to the board'): ActionEvent => ({
  type: 'ProgressReported',
  data: { actionId, rag, previousRag: 'NOT_YET_RATED', commentary, asAt },
});
const correct = (supersedesRevision: number, overrides: Partial<Extract<ActionCommand, { type: 'CorrectProgress' }>['data']> = {}): ActionCommand => ({
  type: 'CorrectProgress',
  data: { actionId, supersedesRevision, rag: 'RED', commentary: 'Forecast gap of £71m, not £40m', asAt: '2026-01-14', reason: 'Wrong quarter used', ...overrides },
});
// Revisions: 0 added, 1 the January update.
const january = [added, reported('GREEN', '2026-01-14', 'On track')];

describe('CorrectProgress', () => {
  it('emits ProgressCorrected naming the update, what it said, and that it was the rating in force', () => {
    expect(when(correct(1), given(january))).toEqual([
      {
        type: 'ProgressCorrected',
        data: {
          actionId,
          supersedesRevision: 1,
          rag: 'RED',
          commentary: 'Forecast gap of £71m, not £40m',
          asAt: '2026-01-14',
          reason: 'Wrong quarter used',
          superseded: { rag: 'GREEN', commentary: 'On track', asAt: '2026-01-14' },
          replacesCurrent: true,
        },
      },
    ]);
  });

  it('makes the correction the current rating when it corrects the update in force', () => {
    const state = given([...january, ...when(correct(1), given(january))]);
    expect(state).toMatchObject({ rag: 'RED', lastAsAt: '2026-01-14', progressRevision: 2 });
  });

  it('leaves the current rating alone when a later update has replaced the corrected one', () => {
    const history = [...january, reported('AMBER', '2026-02-10')];
    const [event] = when(correct(1), given(history)) as ProgressCorrected[];
    expect(event.data.replacesCurrent).toBe(false);
    expect(given([...history, event])).toMatchObject({ rag: 'AMBER', lastAsAt: '2026-02-10', progressRevision: 2 });
  });

  it('leaves a completed action Blue', () => {
    const done: ActionEvent[] = [
      ...january,
      { type: 'EvidenceAttached', data: { actionId, evidenceId: 'ev-1', kind: 'ACTIVITY', title: 'Minutes', link: null, documentReference: 'SIB-1', submittedBy: 'Sam Patel', file: null } },
      { type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-1' } },
      { type: 'ActionCompleted', data: { actionId, commentary: 'Delivered', asAt: '2026-02-11', previousRag: 'GREEN' } },
    ];
    const [event] = when(correct(1), given(done)) as ProgressCorrected[];
    expect(event.data.replacesCurrent).toBe(false);
    expect(given([...done, event])).toMatchObject({ rag: 'BLUE', status: 'COMPLETE' });
  });

  it('lets a correction be corrected in turn', () => {
    const history = [...january, ...when(correct(1), given(january))];
    const [again] = when(correct(2, { rag: 'AMBER', reason: 'Recovery measures agreed that week' }), given(history)) as ProgressCorrected[];
    expect(again.data).toMatchObject({ supersedesRevision: 2, superseded: { rag: 'RED' }, replacesCurrent: true });
    expect(given([...history, again])).toMatchObject({ rag: 'AMBER', progressRevision: 3 });
  });

  it('refuses to correct an update that was already corrected, naming the correction', () => {
    const history = [...january, ...when(correct(1), given(january))];
    const error = refusal(() => when(correct(1, { rag: 'AMBER' }), given(history)));
    expect(error).toBeInstanceOf(ProgressAlreadyCorrectedError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'correctsLatestVersion' });
    expect(error.message).toContain('correct revision 2 instead');
  });

  it.each([
    ['the action being added', 0],
    ['a revision the action has not reached', 9],
  ])('refuses to correct %s: it is not a progress update', (_what, revision) => {
    const error = refusal(() => when(correct(revision), given(january)));
    expect(error).toBeInstanceOf(ProgressUpdateNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'progressUpdateExists' });
  });

  it('refuses on an action that does not exist', () => {
    expect(refusal(() => when(correct(1), initialActionState()))).toBeInstanceOf(ActionNotFoundError);
  });

  it('refuses a correction that changes nothing, saying so', () => {
    const error = refusal(() => when(correct(1, { rag: 'GREEN', commentary: 'On track' }), given(january)));
    expect(error).toBeInstanceOf(SameValueError);
    expect(error.message).toBe('The corrected update is unchanged; nothing to record');
  });

  it.each([
    ['rating', { rag: 'AMBER' as ReportableRag, commentary: 'On track' }],
    ['commentary', { rag: 'GREEN' as ReportableRag, commentary: 'On track, with the forecast appendix' }],
    ['"as at" date', { rag: 'GREEN' as ReportableRag, commentary: 'On track', asAt: '2026-01-07' }],
  ])('accepts a correction that changes only the %s', (_what, overrides) => {
    expect(when(correct(1, overrides), given(january))[0].type).toBe('ProgressCorrected');
  });

  it.each([
    ['reason', { reason: '  ' }, 'required'],
    ['commentary', { commentary: '' }, 'required'],
    ['asAt', { asAt: '2026-06-02' }, 'notInFuture'],
    ['asAt', { asAt: '2026-02-30' }, 'isCalendarDate'],
    ['rag', { rag: 'BLUE' as ReportableRag }, 'isIn:RED,AMBER,GREEN'],
  ])('refuses a bad %s (%p)', (field, overrides, rule) => {
    expect(refusal(() => when(correct(1, overrides), given(january)))).toMatchObject({ kind: 'invalid', field, rule });
  });
});
