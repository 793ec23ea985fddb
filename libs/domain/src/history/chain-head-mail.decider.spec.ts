import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { chainHeadMailWeek, ClaimChainHeadMail, ChainHeadMailCommand, weeklyChainHeadMailKey } from './chain-head-mail.commands';
import { ChainHeadMailState, decideChainHeadMail, evolveChainHeadMail, initialChainHeadMailState } from './chain-head-mail.decider';
import { ChainHeadMailEvent } from './chain-head-mail.events';

const meta = (now = '2026-12-07T08:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: ChainHeadMailEvent[]): ChainHeadMailState => events.reduce(evolveChainHeadMail, initialChainHeadMailState());
const when = (command: ChainHeadMailCommand, events: ChainHeadMailEvent[], now?: string) => decideChainHeadMail(command, given(events), meta(now));

const key = 'week-2026-w50-test-area';
const HASH = 'ab'.repeat(32);
const claim = (data: Partial<ClaimChainHeadMail['data']> = {}): ClaimChainHeadMail => ({
  type: 'ClaimChainHeadMail',
  data: {
    key,
    occasion: 'WEEKLY',
    localAreaId: 'test-area',
    planId: null,
    head: { position: '1042', hash: HASH },
    recipients: ['adviser@education.gov.example', 'chair@council.example'],
    messageId: '<chain-head-1@send-tracker>',
    claimedBy: 'host-a:123',
    ...data,
  },
});
const claimed = (attempt = 1, head = { position: '1042', hash: HASH }): ChainHeadMailEvent => ({
  type: 'ChainHeadMailClaimed',
  data: { ...claim().data, head, attempt, claimedAt: '2026-12-07T08:00:00.000Z' },
});
const sent = (): ChainHeadMailEvent => ({ type: 'ChainHeadMailSent', data: { key, attempt: 1, sentAt: '2026-12-07T08:00:01.000Z', accepted: [], transport: 'folder' } });
const failed = (attempt: number, retryAfter: string | null): ChainHeadMailEvent => ({
  type: 'ChainHeadMailFailed',
  data: { key, attempt, failedAt: '2026-12-07T08:00:01.000Z', error: 'connection refused', retryAfter },
});
const fail = (permanent = false): ChainHeadMailCommand => ({ type: 'RecordChainHeadMailFailed', data: { key, error: ' 451 try later \n', permanent } });

describe('ClaimChainHeadMail', () => {
  it('claims a mail never claimed as attempt 1, recording the head it mails, who claimed it and when', () => {
    expect(when(claim(), [])).toEqual([{ type: 'ChainHeadMailClaimed', data: { ...claim().data, attempt: 1, claimedAt: '2026-12-07T08:00:00.000Z' } }]);
  });

  it('keeps the hash in lower case, as the verifier prints it', () => {
    expect(when(claim({ head: { position: '7', hash: HASH.toUpperCase() } }), [])[0].data).toMatchObject({ head: { position: '7', hash: HASH } });
  });

  it('refuses once it has been sent, saying when', () => {
    const error = refusal(() => when(claim(), [claimed(), sent()]));
    expect(error.rule).toBe('chainHeadMailNotSent');
    expect(error.message).toBe(`The chain head mail ${key} was already sent on 7 December 2026 at 8:00am`);
  });

  it('refuses while a claim has no recorded outcome: the mail may have gone, so it is not sent twice', () => {
    const error = refusal(() => when(claim({ claimedBy: 'host-b:456' }), [claimed()]));
    expect(error.rule).toBe('chainHeadMailNotClaimed');
    expect(error.message).toContain('host-a:123');
  });

  it("claims again as the next attempt once a failure's retry time has come, and not before, with the head verified by then", () => {
    const history = [claimed(), failed(1, '2026-12-07T08:05:01.000Z')];
    expect(refusal(() => when(claim(), history, '2026-12-07T08:05:00.000Z')).rule).toBe('chainHeadMailRetryDue');
    const newer = { position: '1050', hash: 'cd'.repeat(32) };
    const [retry] = when(claim({ head: newer }), history, '2026-12-07T08:05:01.000Z');
    expect(retry).toMatchObject({ type: 'ChainHeadMailClaimed', data: { attempt: 2, head: newer } });
    expect(given([...history, retry])).toMatchObject({ status: 'claimed', attempt: 2, head: newer });
  });

  it('refuses after it has been given up', () => {
    expect(refusal(() => when(claim(), [claimed(), failed(1, null)], '2027-01-01T00:00:00.000Z')).rule).toBe('chainHeadMailNotGivenUp');
  });

  it.each([
    [{ occasion: 'MONTHLY' as never }, 'occasion', 'isIn:WEEKLY,MEETING_CLOSED,QUARTERLY_SIGN_OFF'],
    [{ key: ' ' }, 'key', 'required'],
    [{ key: 'meeting-m1' }, 'key', 'matchesOccasion'],
    [{ key: 'week-' }, 'key', 'matchesOccasion'],
    [{ occasion: 'MEETING_CLOSED' as const, key: 'meeting-m1', planId: null }, 'planId', 'required'],
    [{ occasion: 'QUARTERLY_SIGN_OFF' as const, key: 'return-p1-2026-27-q2', planId: ' ' }, 'planId', 'required'],
    [{ planId: 'plan-1' }, 'planId', 'isNull'],
    [{ localAreaId: '' }, 'localAreaId', 'required'],
    [{ head: { position: '0', hash: HASH } }, 'head.position', 'isPosition'],
    [{ head: { position: '12a', hash: HASH } }, 'head.position', 'isPosition'],
    [{ head: { position: '12345678901234567890', hash: HASH } }, 'head.position', 'isPosition'],
    [{ head: { position: '12', hash: 'ab'.repeat(31) } }, 'head.hash', 'isSha256'],
    [{ head: { position: '12', hash: `${'ab'.repeat(31)}zz` } }, 'head.hash', 'isSha256'],
    [{ recipients: [] }, 'recipients', 'notEmpty'],
    [{ recipients: ['chair@council.example', 'not an address'] }, 'recipients', 'isEmail'],
    [{ recipients: ['a@b.example\r\nBcc: x@evil.example'] }, 'recipients', 'isEmail'],
    [{ messageId: '' }, 'messageId', 'required'],
    [{ claimedBy: ' ' }, 'claimedBy', 'required'],
  ])('refuses %j naming the field and rule', (data, field, rule) => {
    const error = refusal(() => when(claim(data), []));
    expect({ field: error.field, rule: error.rule }).toEqual({ field, rule });
  });

  it('takes a meeting close and a quarterly sign-off for one plan', () => {
    expect(when(claim({ occasion: 'MEETING_CLOSED', key: 'meeting-m1', planId: 'p1' }), [])[0].data).toMatchObject({ occasion: 'MEETING_CLOSED', planId: 'p1' });
    expect(when(claim({ occasion: 'QUARTERLY_SIGN_OFF', key: 'return-p1-2026-27-q2', planId: 'p1' }), [])[0].data).toMatchObject({ occasion: 'QUARTERLY_SIGN_OFF' });
  });
});

describe('RecordChainHeadMailSent', () => {
  it('records the attempt that was claimed as sent', () => {
    const record: ChainHeadMailCommand = { type: 'RecordChainHeadMailSent', data: { key, accepted: ['chair@council.example'], transport: 'smtp' } };
    expect(when(record, [claimed(3)], '2026-12-07T08:00:02.000Z')).toEqual([
      { type: 'ChainHeadMailSent', data: { key, attempt: 3, sentAt: '2026-12-07T08:00:02.000Z', accepted: ['chair@council.example'], transport: 'smtp' } },
    ]);
  });

  it('refuses without an open claim, so an outcome is recorded once per claim', () => {
    const record: ChainHeadMailCommand = { type: 'RecordChainHeadMailSent', data: { key, accepted: [], transport: 'smtp' } };
    expect(refusal(() => when(record, [])).rule).toBe('chainHeadMailClaimed');
    expect(refusal(() => when(record, [claimed(), sent()])).rule).toBe('chainHeadMailClaimed');
  });
});

describe('RecordChainHeadMailFailed', () => {
  it("schedules the next attempt by the reminders' back-off", () => {
    expect(when(fail(), [claimed()], '2026-12-07T08:00:00.000Z')).toEqual([
      { type: 'ChainHeadMailFailed', data: { key, attempt: 1, failedAt: '2026-12-07T08:00:00.000Z', error: '451 try later', retryAfter: '2026-12-07T08:05:00.000Z' } },
    ]);
    expect(when(fail(), [claimed(4)], '2026-12-07T08:00:00.000Z')[0].data).toMatchObject({ attempt: 4, retryAfter: '2026-12-07T20:00:00.000Z' });
  });

  it('gives up after the fifth attempt, or at once when the server refused for good', () => {
    expect(when(fail(), [claimed(5)])[0].data).toMatchObject({ attempt: 5, retryAfter: null });
    expect(when(fail(true), [claimed(1)])[0].data).toMatchObject({ attempt: 1, retryAfter: null });
  });

  it('keeps the first 500 characters of a long server reply, and says "unknown error" for a blank one', () => {
    const long: ChainHeadMailCommand = { type: 'RecordChainHeadMailFailed', data: { key, error: `554 ${'x'.repeat(600)}`, permanent: false } };
    expect(when(long, [claimed()])[0].data).toMatchObject({ error: `554 ${'x'.repeat(496)}` });
    const blank: ChainHeadMailCommand = { type: 'RecordChainHeadMailFailed', data: { key, error: ' \n ', permanent: false } };
    expect(when(blank, [claimed()])[0].data).toMatchObject({ error: 'unknown error' });
  });

  it('refuses without an open claim', () => {
    expect(refusal(() => when(fail(), [claimed(), failed(1, null)])).rule).toBe('chainHeadMailClaimed');
  });
});

describe('The week a head is mailed for', () => {
  it.each([
    // Monday 7 December 2026, GMT: due from 08:00.
    ['2026-12-07T07:59:59.999Z', '2026-w50', false],
    ['2026-12-07T08:00:00.000Z', '2026-w50', true],
    ['2026-12-13T23:59:59.000Z', '2026-w50', true],
    // 23:30Z on Sunday 14 June is 00:30 BST on Monday: already the next week in London, not yet 08:00.
    ['2026-06-14T23:30:00.000Z', '2026-w25', false],
    ['2026-06-15T06:59:59.000Z', '2026-w25', false],
    ['2026-06-15T07:00:00.000Z', '2026-w25', true],
    // ISO weeks at the turn of a year: 1 January 2027 is a Friday, in week 53 of 2026; 31 December 2024 is in week 1 of 2025.
    ['2027-01-01T12:00:00.000Z', '2026-w53', true],
    ['2024-12-31T12:00:00.000Z', '2025-w01', true],
  ])('%s is in %s, due %s', (instant, week, due) => {
    expect(chainHeadMailWeek(instant)).toEqual({ week, due });
  });

  it('keys the weekly mail by week and local area', () => {
    expect(weeklyChainHeadMailKey('2026-w50', 'test-area')).toBe('week-2026-w50-test-area');
  });
});
