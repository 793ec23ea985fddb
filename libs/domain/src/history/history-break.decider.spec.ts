import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { retryAfter } from '../reminder/reminder.decider';
import { HistoryBreakCommand, HistoryBreakDetails, MAX_ACKNOWLEDGEMENT_REASON_LENGTH } from './history-break.commands';
import { decideHistoryBreak, evolveHistoryBreak, HistoryBreakState, initialHistoryBreakState } from './history-break.decider';
import { HistoryBreakEvent } from './history-break.events';

const T0 = '2026-06-15T09:00:00.000Z';
const meta = (now = T0, userId?: string): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1', actor: userId ? { userId, displayName: 'Priya Shah', role: 'PLAN_ADMINISTRATOR' } : null });
const given = (events: HistoryBreakEvent[]): HistoryBreakState => events.reduce(evolveHistoryBreak, initialHistoryBreakState());
const when = (command: HistoryBreakCommand, events: HistoryBreakEvent[], metadata = meta()) => decideHistoryBreak(command, given(events), metadata);

const breakId = '1042-edited';
const details: HistoryBreakDetails = {
  breakId,
  kind: 'EDITED',
  position: '1042',
  streamId: 'action-a1',
  revision: '3',
  eventId: 'e-1',
  message: 'The event at position 1042 no longer matches its hash.',
};
const record = (overrides: Partial<HistoryBreakDetails> = {}): HistoryBreakCommand => ({ type: 'RecordHistoryBreak', data: { ...details, ...overrides, detectedBy: 'host-a:1' } });
const detected = (): HistoryBreakEvent => when(record(), [])[0];
const sent = (): HistoryBreakEvent => ({ type: 'HistoryBreakAlertSent', data: { breakId, attempt: 1, recipients: ['a@x.example'], accepted: ['a@x.example'], transport: 'folder', messageId: '<m>', sentAt: T0 } });
const failed = (attempt: number, retry: string | null): HistoryBreakEvent => ({ type: 'HistoryBreakAlertFailed', data: { breakId, attempt, error: 'refused', failedAt: T0, retryAfter: retry } });
const acknowledged = (): HistoryBreakEvent => ({ type: 'HistoryBreakAcknowledged', data: { breakId, reason: 'Restoring tonight.', acknowledgedBy: 'office', acknowledgedAt: T0 } });
const acknowledge = (reason = 'Reported to the security team; restoring tonight.'): HistoryBreakCommand => ({ type: 'AcknowledgeHistoryBreak', data: { breakId, reason } });

describe('RecordHistoryBreak', () => {
  it('records a break found for the first time, with who found it and when; its alert is claimed by the finder', () => {
    expect(when(record(), [])).toEqual([{ type: 'HistoryBreakDetected', data: { ...details, detectedBy: 'host-a:1', detectedAt: T0 } }]);
    expect(given([detected()])).toMatchObject({ status: 'open', alert: { status: 'claimed', attempt: 1, claimedBy: 'host-a:1' }, acknowledgement: null });
  });

  it('records nothing for a break already recorded (another instance, the next check), acknowledged or not', () => {
    expect(when(record(), [detected()])).toEqual([]);
    expect(when(record(), [detected(), acknowledged()])).toEqual([]);
  });

  it('refuses a position that is not a positive whole number, and a break id that is not <position>-<kind>', () => {
    expect(refusal(() => when(record({ position: '0', breakId: '0-edited' }), []))).toMatchObject({ field: 'position', rule: 'isPosition' });
    expect(refusal(() => when(record({ position: '12a', breakId: '12a-edited' }), []))).toMatchObject({ field: 'position', rule: 'isPosition' });
    expect(refusal(() => when(record({ breakId: '1042-missing' }), []))).toMatchObject({ field: 'breakId', rule: 'matchesBreak' });
  });

  it('refuses a blank kind, message or finder', () => {
    expect(refusal(() => when(record({ kind: ' ', breakId: '1042- ' }), []))).toMatchObject({ field: 'kind' });
    expect(refusal(() => when(record({ message: '  ' }), []))).toMatchObject({ field: 'message' });
    expect(refusal(() => when({ type: 'RecordHistoryBreak', data: { ...details, detectedBy: ' ' } }, []))).toMatchObject({ field: 'detectedBy' });
  });
});

describe('The alert', () => {
  const outcome: HistoryBreakCommand = { type: 'RecordHistoryBreakAlertSent', data: { breakId, recipients: ['adviser@dfe.example'], accepted: ['adviser@dfe.example'], transport: 'smtp', messageId: '<m1>' } };
  const failure = (permanent = false): HistoryBreakCommand => ({ type: 'RecordHistoryBreakAlertFailed', data: { breakId, error: '  451 try later \n', permanent } });
  const claimRetry: HistoryBreakCommand = { type: 'ClaimHistoryBreakAlertRetry', data: { breakId, claimedBy: 'host-b:2' } };

  it('records a sent alert for the claimed attempt', () => {
    expect(when(outcome, [detected()])).toEqual([{ type: 'HistoryBreakAlertSent', data: { ...outcome.data, attempt: 1, sentAt: T0 } }]);
    expect(given([detected(), sent()]).status === 'open' && given([detected(), sent()])).toMatchObject({ alert: { status: 'sent', attempt: 1 } });
  });

  it('refuses an outcome for a break never recorded, or an alert not claimed (sent already, or failed)', () => {
    expect(refusal(() => when(outcome, []))).toMatchObject({ kind: 'not_found', rule: 'historyBreakExists' });
    expect(refusal(() => when(failure(), []))).toMatchObject({ kind: 'not_found' });
    expect(refusal(() => when(outcome, [detected(), sent()]))).toMatchObject({ rule: 'historyBreakAlertState' });
    expect(refusal(() => when(failure(), [detected(), failed(1, T0)]))).toMatchObject({ rule: 'historyBreakAlertState' });
  });

  it('refuses a recipient that is not an address', () => {
    const bad: HistoryBreakCommand = { ...outcome, data: { ...outcome.data, recipients: ['adviser at dfe'] } } as HistoryBreakCommand;
    expect(refusal(() => when(bad, [detected()]))).toMatchObject({ field: 'recipients', rule: 'isEmail' });
  });

  it('records a failure with its error trimmed and the retry due as for reminders; a permanent one is given up', () => {
    expect(when(failure(), [detected()])).toEqual([{ type: 'HistoryBreakAlertFailed', data: { breakId, attempt: 1, error: '451 try later', failedAt: T0, retryAfter: retryAfter(1, T0, false) } }]);
    expect(when(failure(true), [detected()])[0].data).toMatchObject({ retryAfter: null });
    const blank: HistoryBreakCommand = { type: 'RecordHistoryBreakAlertFailed', data: { breakId, error: '  ', permanent: false } };
    expect(when(blank, [detected()])[0].data).toMatchObject({ error: 'unknown error' });
  });

  it('lets one instance claim a retry once it is due, as the next attempt', () => {
    const due = retryAfter(1, T0, false)!;
    expect(when(claimRetry, [detected(), failed(1, due)], meta(due))).toEqual([{ type: 'HistoryBreakAlertRetryClaimed', data: { breakId, attempt: 2, claimedBy: 'host-b:2', claimedAt: due } }]);
    const claimed = when(claimRetry, [detected(), failed(1, due)], meta(due))[0];
    // The other instance, a moment later: the retry is claimed already.
    expect(refusal(() => when(claimRetry, [detected(), failed(1, due), claimed], meta(due)))).toMatchObject({ rule: 'historyBreakAlertState' });
  });

  it('refuses a retry before it is due, after a send, after giving up, for a break never recorded, or by nobody', () => {
    const due = retryAfter(1, T0, false)!;
    expect(refusal(() => when(claimRetry, [detected(), failed(1, due)], meta(T0))).message).toContain(`next attempt is due at ${due}`);
    expect(refusal(() => when(claimRetry, [detected(), sent()])).message).toContain('was sent');
    expect(refusal(() => when(claimRetry, [detected()])).message).toContain('was claimed by host-a:1');
    expect(refusal(() => when(claimRetry, [detected(), failed(1, null)])).message).toContain('given up after 1 attempt');
    expect(refusal(() => when(claimRetry, []))).toMatchObject({ kind: 'not_found' });
    expect(refusal(() => when({ type: 'ClaimHistoryBreakAlertRetry', data: { breakId, claimedBy: ' ' } }, [detected(), failed(1, due)], meta(due)))).toMatchObject({ field: 'claimedBy' });
  });
});

describe('AcknowledgeHistoryBreak', () => {
  it('records who acknowledged the break, when and why; writing may then go on', () => {
    expect(when(acknowledge('  Restoring tonight.  '), [detected()], meta(T0, 'office'))).toEqual([
      { type: 'HistoryBreakAcknowledged', data: { breakId, reason: 'Restoring tonight.', acknowledgedBy: 'office', acknowledgedAt: T0 } },
    ]);
    expect(given([detected(), acknowledged()])).toMatchObject({ status: 'acknowledged', acknowledgement: { reason: 'Restoring tonight.', acknowledgedBy: 'office' } });
  });

  it('refuses a blank reason, and one longer than a paragraph, naming reason', () => {
    expect(refusal(() => when(acknowledge('   '), [detected()], meta(T0, 'office')))).toMatchObject({ kind: 'invalid', field: 'reason' });
    expect(refusal(() => when(acknowledge('x'.repeat(MAX_ACKNOWLEDGEMENT_REASON_LENGTH + 1)), [detected()], meta(T0, 'office')))).toMatchObject({ field: 'reason', rule: 'maxLength' });
    expect(when(acknowledge('x'.repeat(MAX_ACKNOWLEDGEMENT_REASON_LENGTH)), [detected()], meta(T0, 'office'))).toHaveLength(1);
  });

  it('refuses a break never recorded, a second acknowledgement, and one with nobody signed in', () => {
    expect(refusal(() => when(acknowledge(), [], meta(T0, 'office')))).toMatchObject({ kind: 'not_found', field: 'breakId' });
    expect(refusal(() => when(acknowledge(), [detected(), acknowledged()], meta(T0, 'office')))).toMatchObject({ kind: 'already_exists', rule: 'historyBreakNotAcknowledged' });
    expect(refusal(() => when(acknowledge(), [detected()], meta(T0)))).toMatchObject({ field: 'actor' });
  });

  it('keeps the alert as it was: acknowledging does not stop a retry owed', () => {
    const state = given([detected(), failed(1, T0), acknowledged()]);
    expect(state).toMatchObject({ status: 'acknowledged', alert: { status: 'failed', retryAfter: T0 } });
  });
});

describe('evolveHistoryBreak', () => {
  it('ignores alert and acknowledgement events of a break never recorded', () => {
    expect(given([sent(), acknowledged()])).toEqual({ status: 'absent' });
  });
});
