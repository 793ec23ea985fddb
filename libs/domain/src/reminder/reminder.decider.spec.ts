import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { ClaimReminder, ReminderCommand } from './reminder.commands';
import { decideReminder, evolveReminder, initialReminderState, ReminderState } from './reminder.decider';
import { ReminderEvent } from './reminder.events';

const meta = (now = '2026-06-15T09:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: ReminderEvent[]): ReminderState => events.reduce(evolveReminder, initialReminderState());
const when = (command: ReminderCommand, events: ReminderEvent[], now?: string) => decideReminder(command, given(events), meta(now));

const reminderId = 'r-1';
const claim = (data: Partial<ClaimReminder['data']> = {}): ClaimReminder => ({
  type: 'ClaimReminder',
  data: {
    reminderId,
    key: 'round-opened:round-1:owner-1',
    kind: 'ROUND_OPENED',
    planId: 'plan-1',
    roundId: 'round-1',
    ownerId: 'owner-1',
    addressee: 'Helen Marsh',
    recipients: ['helen.marsh@council.example'],
    subject: 'Updates for the November board: 2 actions',
    actionRefs: ['8.2', '5.6'],
    messageId: '<reminder-r-1@send-tracker>',
    claimedBy: 'host-a:123',
    ...data,
  },
});
const claimed = (attempt = 1, at = '2026-06-15T09:00:00.000Z') => ({ ...when(claim(), [], at)[0], data: { ...when(claim(), [], at)[0].data, attempt } }) as ReminderEvent;
const sent = (): ReminderEvent => ({ type: 'ReminderSent', data: { reminderId, attempt: 1, sentAt: '2026-06-15T09:00:01.000Z', accepted: [], transport: 'smtp' } });
const failed = (attempt: number, retryAfter: string | null): ReminderEvent => ({
  type: 'ReminderFailed',
  data: { reminderId, attempt, failedAt: '2026-06-15T09:00:01.000Z', error: 'connection refused', retryAfter },
});
const fail = (permanent = false): ReminderCommand => ({ type: 'RecordReminderFailed', data: { reminderId, error: ' 451 try later \n', permanent } });

describe('ClaimReminder', () => {
  it('claims a reminder never claimed as attempt 1, recording who claimed it and when', () => {
    expect(when(claim(), [])).toEqual([
      { type: 'ReminderClaimed', data: { ...claim().data, attempt: 1, claimedAt: '2026-06-15T09:00:00.000Z' } },
    ]);
  });

  it('refuses once it has been sent', () => {
    expect(refusal(() => when(claim(), [claimed(), sent()])).rule).toBe('reminderNotSent');
  });

  it('refuses while a claim has no recorded outcome: the mail may have gone, so it is not sent twice', () => {
    const error = refusal(() => when(claim({ claimedBy: 'host-b:456' }), [claimed()]));
    expect(error.rule).toBe('reminderNotClaimed');
    expect(error.message).toContain('host-a:123');
  });

  it('claims again as the next attempt once a failure\'s retry time has come, and not before', () => {
    const history = [claimed(), failed(1, '2026-06-15T09:05:01.000Z')];
    expect(refusal(() => when(claim(), history, '2026-06-15T09:05:00.000Z')).rule).toBe('reminderRetryDue');
    expect(when(claim(), history, '2026-06-15T09:05:01.000Z')[0]).toMatchObject({ type: 'ReminderClaimed', data: { attempt: 2 } });
  });

  it('refuses after it has been given up', () => {
    expect(refusal(() => when(claim(), [claimed(), failed(1, null)], '2027-01-01T00:00:00.000Z')).rule).toBe('reminderNotGivenUp');
  });

  it.each([
    [{ recipients: [] }, 'recipients', 'notEmpty'],
    [{ recipients: ['helen.marsh@council.example', 'not an address'] }, 'recipients', 'isEmail'],
    [{ recipients: ['a@b.example\r\nBcc: x@evil.example'] }, 'recipients', 'isEmail'],
    [{ subject: '  ' }, 'subject', 'required'],
    [{ key: ' ' }, 'key', 'required'],
    [{ planId: '' }, 'planId', 'required'],
    [{ addressee: ' ' }, 'addressee', 'required'],
    [{ messageId: '' }, 'messageId', 'required'],
    [{ claimedBy: ' ' }, 'claimedBy', 'required'],
    [{ kind: 'SOMETHING' as never }, 'kind', 'isIn:ROUND_OPENED,ROUND_DEADLINE,WEEKLY_DIGEST'],
  ])('refuses %j naming the field and rule', (data, field, rule) => {
    const error = refusal(() => when(claim(data), []));
    expect({ field: error.field, rule: error.rule }).toEqual({ field, rule });
  });

  it.each([
    [{ kind: 'SOMETHING' as never }, 'kind must be one of ROUND_OPENED, ROUND_DEADLINE, WEEKLY_DIGEST'],
    [{ recipients: [] }, 'A reminder needs at least one recipient'],
  ])('refuses %j in words the operator can act on', (data, message) => {
    expect(refusal(() => when(claim(data), [])).message).toBe(message);
  });
});

describe('RecordReminderSent', () => {
  it('records the attempt that was claimed as sent', () => {
    const record: ReminderCommand = { type: 'RecordReminderSent', data: { reminderId, accepted: ['helen.marsh@council.example'], transport: 'smtp' } };
    expect(when(record, [claimed(3)], '2026-06-15T09:00:02.000Z')).toEqual([
      { type: 'ReminderSent', data: { reminderId, attempt: 3, sentAt: '2026-06-15T09:00:02.000Z', accepted: ['helen.marsh@council.example'], transport: 'smtp' } },
    ]);
  });

  it('refuses without an open claim, so an outcome is recorded once per claim', () => {
    const record: ReminderCommand = { type: 'RecordReminderSent', data: { reminderId, accepted: [], transport: 'smtp' } };
    expect(refusal(() => when(record, [])).rule).toBe('reminderClaimed');
    expect(refusal(() => when(record, [claimed(), sent()])).rule).toBe('reminderClaimed');
  });
});

describe('RecordReminderFailed', () => {
  it('schedules the next attempt by the back-off for the attempt that failed', () => {
    expect(when(fail(), [claimed()], '2026-06-15T09:00:00.000Z')).toEqual([
      { type: 'ReminderFailed', data: { reminderId, attempt: 1, failedAt: '2026-06-15T09:00:00.000Z', error: '451 try later', retryAfter: '2026-06-15T09:05:00.000Z' } },
    ]);
    const fourth = [claimed(), failed(1, 'x'), claimed(4)];
    expect(when(fail(), fourth, '2026-06-15T09:00:00.000Z')[0].data).toMatchObject({ attempt: 4, retryAfter: '2026-06-15T21:00:00.000Z' });
  });

  it('gives up after the fifth attempt, or at once when the server refused for good', () => {
    expect(when(fail(), [claimed(5)])[0].data).toMatchObject({ attempt: 5, retryAfter: null });
    expect(when(fail(true), [claimed(1)])[0].data).toMatchObject({ attempt: 1, retryAfter: null });
  });

  it('keeps the first 500 characters of a long server reply, and says "unknown error" for a blank one', () => {
    const long: ReminderCommand = { type: 'RecordReminderFailed', data: { reminderId, error: `554 ${'x'.repeat(600)}`, permanent: false } };
    expect(when(long, [claimed()])[0].data).toMatchObject({ error: `554 ${'x'.repeat(496)}` });
    const blank: ReminderCommand = { type: 'RecordReminderFailed', data: { reminderId, error: ' \n ', permanent: false } };
    expect(when(blank, [claimed()])[0].data).toMatchObject({ error: 'unknown error' });
  });

  it('refuses without an open claim', () => {
    expect(refusal(() => when(fail(), [claimed(), failed(1, null)])).rule).toBe('reminderClaimed');
  });
});

describe('RequestReminderResend', () => {
  const office = (now = '2026-06-16T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c2', correlationId: 'c2', actor: { userId: 'programme-office', role: 'PLAN_ADMINISTRATOR' } });
  const resend = (reason = ' Helen lost the mail \n'): ReminderCommand => ({ type: 'RequestReminderResend', data: { reminderId, reason } });
  const asked = (): ReminderEvent => ({ type: 'ReminderResendRequested', data: { reminderId, requestedBy: 'programme-office', reason: 'lost', requestedAt: '2026-06-16T10:00:00.000Z' } });
  const ask = (events: ReminderEvent[], command = resend()) => decideReminder(command, given(events), office());

  it('asks for a sent reminder to go again, recording who asked, why and when', () => {
    expect(ask([claimed(), sent()])).toEqual([
      { type: 'ReminderResendRequested', data: { reminderId, requestedBy: 'programme-office', reason: 'Helen lost the mail', requestedAt: '2026-06-16T10:00:00.000Z' } },
    ]);
  });

  it('asks for a given-up reminder to go again', () => {
    expect(ask([claimed(), failed(1, null)])[0].type).toBe('ReminderResendRequested');
  });

  it('refuses a reminder never claimed: there is nothing to send again', () => {
    const error = refusal(() => ask([]));
    expect({ kind: error.kind, rule: error.rule }).toEqual({ kind: 'not_found', rule: 'reminderExists' });
  });

  it('refuses, as a conflict, while an attempt is in flight', () => {
    const error = refusal(() => ask([claimed()]));
    expect({ kind: error.kind, rule: error.rule }).toEqual({ kind: 'already_exists', rule: 'reminderSentOrGivenUp' });
    expect(error.message).toContain('is being sent now (claimed by host-a:123)');
  });

  it('refuses, as a conflict, while a retry is scheduled, saying when', () => {
    const error = refusal(() => ask([claimed(), failed(1, '2026-06-15T09:05:01.000Z')]));
    expect({ kind: error.kind, rule: error.rule }).toEqual({ kind: 'already_exists', rule: 'reminderSentOrGivenUp' });
    expect(error.message).toContain('tries again at');
  });

  it('refuses, as a conflict, a second request before the first has gone', () => {
    const error = refusal(() => ask([claimed(), sent(), asked()]));
    expect({ kind: error.kind, rule: error.rule }).toEqual({ kind: 'already_exists', rule: 'noResendWaiting' });
    expect(error.message).toContain('programme-office has already asked for it to be sent again');
  });

  it('refuses while the re-send is in flight, and allows another once it has gone', () => {
    const resentClaim = claimed(2);
    expect(refusal(() => ask([claimed(), sent(), asked(), resentClaim])).rule).toBe('reminderSentOrGivenUp');
    const resent: ReminderEvent = { type: 'ReminderSent', data: { ...(sent().data as object), attempt: 2 } } as ReminderEvent;
    expect(ask([claimed(), sent(), asked(), resentClaim, resent])[0].type).toBe('ReminderResendRequested');
  });

  it.each(['', '  \n ', '\u200b'])('refuses a blank reason (%j), naming the field', (reason) => {
    const error = refusal(() => ask([claimed(), sent()], resend(reason)));
    expect({ field: error.field, rule: error.rule }).toEqual({ field: 'reason', rule: 'required' });
  });

  describe('the claim after it', () => {
    it('is the next attempt, claimed once: a second claimant finds it in flight', () => {
      const history = [claimed(), sent(), asked()];
      const [claim2] = when(claim(), history, '2026-06-16T10:05:00.000Z');
      expect(claim2).toMatchObject({ type: 'ReminderClaimed', data: { attempt: 2 } });
      expect(refusal(() => when(claim({ claimedBy: 'host-b:456' }), [...history, claim2])).rule).toBe('reminderNotClaimed');
    });

    it('is not allowed again once the re-send is sent: one request, one more mail', () => {
      const history = [claimed(), sent(), asked()];
      const [claim2] = when(claim(), history);
      const [sent2] = when({ type: 'RecordReminderSent', data: { reminderId, accepted: [], transport: 'smtp' } }, [...history, claim2]);
      expect(sent2.data).toMatchObject({ attempt: 2 });
      expect(refusal(() => when(claim(), [...history, claim2, sent2])).rule).toBe('reminderNotSent');
    });

    it('gets the whole back-off afresh: a re-send of one given up after five attempts is retried after 5 minutes', () => {
      const history = [claimed(5), failed(5, null), asked()];
      const [claim6] = when(claim(), history, '2026-06-16T10:00:00.000Z');
      expect(claim6.data).toMatchObject({ attempt: 6 });
      expect(when(fail(), [...history, claim6], '2026-06-16T10:00:00.000Z')[0].data).toMatchObject({ attempt: 6, retryAfter: '2026-06-16T10:05:00.000Z' });
      expect(when(fail(true), [...history, claim6])[0].data).toMatchObject({ retryAfter: null });
    });
  });
});
