import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { QuarterlyReturnCommand } from './quarterly-return.commands';
import { decideQuarterlyReturn, evolveQuarterlyReturn, EXECUTIVE_SUMMARY_MAX_LENGTH, initialQuarterlyReturnState, QuarterlyReturnState } from './quarterly-return.decider';
import { QuarterlyReturnEvent } from './quarterly-return.events';

const AFTER_Q2 = '2025-10-14T09:00:00.000Z';
const meta = (now = AFTER_Q2): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: QuarterlyReturnEvent[]): QuarterlyReturnState => events.reduce(evolveQuarterlyReturn, initialQuarterlyReturnState());
const when = (command: QuarterlyReturnCommand, events: QuarterlyReturnEvent[], now?: string) => decideQuarterlyReturn(command, given(events), meta(now));

const quarter = '2025/26 Q2';
const SUMMARY = 'Q2 forecast gap of £71m against a budgeted £57.5m; the deficit recovery plan goes to the board in November.';
const write = (text = SUMMARY, correctionReason?: string | null): QuarterlyReturnCommand => ({ type: 'WriteExecutiveSummary', data: { planId: 'plan-1', quarter, text, correctionReason } });
const submit: QuarterlyReturnCommand = { type: 'SubmitQuarterlyReturn', data: { planId: 'plan-1', quarter } };
const HASH = 'a'.repeat(64);
const signOff = (data: Partial<{ htmlSha256: string; csvSha256: string }> = {}): QuarterlyReturnCommand => ({
  type: 'SignOffQuarterlyReturn',
  data: { planId: 'plan-1', quarter, htmlSha256: HASH, csvSha256: 'b'.repeat(64), knownUpToPosition: '42', ...data },
});
/** Applies each command in turn, as the store would, and hands back every event. */
const history = (...commands: QuarterlyReturnCommand[]): QuarterlyReturnEvent[] =>
  commands.reduce<QuarterlyReturnEvent[]>((events, command) => [...events, ...when(command, events)], []);

describe('A quarterly return', () => {
  it('starts with the executive summary, version 1, kept with its quarter', () => {
    expect(when(write(), [])).toEqual([{ type: 'ExecutiveSummaryWritten', data: { planId: 'plan-1', quarter, text: SUMMARY, version: 1, withdrawsSubmission: false } }]);
  });

  it.each([
    ['quarter', { quarter: 'Q2 2025/26' }, 'financialQuarter'],
    ['text', { text: ' \u200b ' }, 'required'],
    ['text', { text: 'x'.repeat(EXECUTIVE_SUMMARY_MAX_LENGTH + 1) }, `maxLength:${EXECUTIVE_SUMMARY_MAX_LENGTH}`],
  ])('refuses a summary naming the field %s', (field, data, rule) => {
    const error = refusal(() => when({ type: 'WriteExecutiveSummary', data: { planId: 'plan-1', quarter, text: SUMMARY, ...data } }, []));
    expect([error.field, error.rule]).toEqual([field, rule]);
  });

  it('takes a summary of the longest length allowed', () => {
    expect(when(write('x'.repeat(EXECUTIVE_SUMMARY_MAX_LENGTH)), [])).toHaveLength(1);
  });

  it('refuses a summary for a quarter that has not begun (London dates)', () => {
    // 1 July 2025 00:30 BST is 30 June 23:30Z: Q2 has begun in London.
    expect(when(write(), [], '2025-06-30T23:30:00.000Z')).toHaveLength(1);
    expect(refusal(() => when(write(), [], '2025-06-30T22:30:00.000Z')).rule).toBe('quarterBegun');
  });

  it('keeps each text as a new version and refuses one that says the same', () => {
    const events = history(write(), write('A second draft'));
    expect(events[1].data).toMatchObject({ version: 2, text: 'A second draft' });
    expect(refusal(() => when(write('A second draft'), events)).rule).toBe('summaryChanges');
  });

  it('is submitted only once the quarter has ended, with a summary', () => {
    expect(refusal(() => when(submit, [])).rule).toBe('returnExists');
    expect(refusal(() => when(submit, history(write()), '2025-09-30T20:00:00.000Z')).rule).toBe('quarterEnded');
    expect(when(submit, history(write()))).toEqual([{ type: 'QuarterlyReturnSubmitted', data: { planId: 'plan-1', quarter, summaryVersion: 1 } }]);
    expect(refusal(() => when(submit, history(write(), submit))).rule).toBe('notYetSubmitted');
  });

  it('goes back to the programme office when its summary is rewritten after submission', () => {
    const events = history(write(), submit, write('Revised after the finance meeting'));
    expect(events[2].data).toMatchObject({ version: 2, withdrawsSubmission: true });
    expect(refusal(() => when(signOff(), events)).rule).toBe('submittedBeforeSignOff');
  });

  it('is signed off only after it is submitted, recording the hashes of the report as signed', () => {
    expect(refusal(() => when(signOff(), history(write()))).rule).toBe('submittedBeforeSignOff');
    expect(when(signOff(), history(write(), submit))).toEqual([
      { type: 'QuarterlyReturnSignedOff', data: { planId: 'plan-1', quarter, summaryVersion: 1, htmlSha256: HASH, csvSha256: 'b'.repeat(64), knownUpToPosition: '42' } },
    ]);
  });

  it.each([['htmlSha256', { htmlSha256: 'A'.repeat(64) }], ['csvSha256', { csvSha256: 'abc' }]])('refuses a sign-off whose %s is not a SHA-256 digest', (field, data) => {
    expect(refusal(() => when(signOff(data), history(write(), submit))).field).toBe(field);
  });

  it('cannot be signed off again, nor submitted again, once signed', () => {
    const signed = history(write(), submit, signOff());
    expect(refusal(() => when(signOff(), signed)).rule).toBe('notYetSignedOff');
    expect(refusal(() => when(submit, signed)).rule).toBe('notYetSignedOff');
  });

  it('takes a change to a signed-off summary only as a correction with a reason', () => {
    const signed = history(write(), submit, signOff());
    expect(refusal(() => when(write('Corrected figures'), signed)).rule).toBe('required');
    expect(refusal(() => when(write('Corrected figures'), signed)).field).toBe('correctionReason');
    expect(refusal(() => when(write('Corrected figures'), signed)).message).toMatch(/is signed off: a change to its executive summary is a correction/);
    expect(refusal(() => when(write('Corrected figures', '  '), signed)).field).toBe('correctionReason');
    expect(when(write('Corrected figures', 'The Q2 forecast was restated at the November meeting'), signed)).toEqual([
      { type: 'ExecutiveSummaryCorrected', data: { planId: 'plan-1', quarter, text: 'Corrected figures', version: 2, reason: 'The Q2 forecast was restated at the November meeting' } },
    ]);
  });

  it('refuses a correction reason before sign-off: until then the summary is simply rewritten', () => {
    expect(refusal(() => when(write('A second draft', 'Why'), history(write(), submit))).rule).toBe('onlyAfterSignOff');
  });

  it('has no return for a quarter that ended before the plan was created (London days)', () => {
    const created = (planCreatedAt: string) => decideQuarterlyReturn(write(), given([]), meta(), { planCreatedAt });
    // 30 September 2025 ends at 22:59:59.999Z (BST).
    expect(created('2025-09-30T22:59:59.999Z')).toHaveLength(1);
    expect(refusal(() => created('2025-09-30T23:00:00.000Z')).rule).toBe('planExistedInQuarter');
    expect(refusal(() => decideQuarterlyReturn(submit, given(history(write())), meta(), { planCreatedAt: '2025-10-01T09:00:00.000Z' })).rule).toBe('planExistedInQuarter');
  });

  it('stays signed off after a correction', () => {
    const corrected = history(write(), submit, signOff(), write('Corrected figures', 'Restated'));
    expect(given(corrected)).toMatchObject({ signedOff: true, summary: { version: 2, text: 'Corrected figures' } });
    expect(refusal(() => when(signOff(), corrected)).rule).toBe('notYetSignedOff');
  });
});
