import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainHead, ChainIntegrity, verifyEventStore } from '@send/event-store';
import { ChainHeadMailSenderService } from '../apps/api/src/history-heads/chain-head-mail-sender.service';
import { CHAIN_INTEGRITY } from '../apps/api/src/infrastructure/event-store.provider';
import { startLoopbackSmtpServer } from './support/loopback-smtp-server';
import { outboxMails } from './support/outbox';
import { CREATE_PLAN, planInput } from './support/plan-operations';
import { runCli } from './support/run-cli';
import { mailSettings } from './support/sign-in-links';
import { startTestApp, TEST_AREA } from './support/test-app';

type App = Awaited<ReturnType<typeof startTestApp>>;

const PLAN = 'chain-heads';
const ADVISER = 'dfe.adviser@education.gov.example';
const CHAIR = 'board.chair@council.example';
const VERIFY = `query ($planId: ID!, $heads: [ChainHeadInput!]) { verifyHistory(planId: $planId, heads: $heads) { ok heads { position hash matches } firstBreak { kind position } } }`;
const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
const CLOSE = `mutation ($input: CloseMeetingInput!) { closeMeeting(input: $input) { id closed } }`;
const WRITE = `mutation ($input: WriteExecutiveSummaryInput!) { writeExecutiveSummary(input: $input) { revision } }`;
const SUBMIT = `mutation ($input: QuarterlyReturnChangeInput!) { submitQuarterlyReturn(input: $input) { revision } }`;
const SIGN_OFF = `mutation ($input: QuarterlyReturnChangeInput!) { signOffQuarterlyReturn(input: $input) { status } }`;

const run = (app: App) => app.app.get(ChainHeadMailSenderService).run();
const integrityOf = (app: App) => app.app.get<ChainIntegrity>(CHAIN_INTEGRITY);

/**
 * What the continuous history check does (issue 26): verify the whole store, then say so to the
 * shared ChainIntegrity. Done here by hand so each test decides when the history counts as checked.
 */
async function verifyNow(app: App): Promise<ChainHead> {
  const result = await verifyEventStore(app.store());
  expect(result.ok).toBe(true);
  integrityOf(app).verified(result.head, app.clock.now());
  return result.head!;
}

const headText = (head: ChainHead) => `${head.position}:${head.hash}`;

async function ok(app: App, query: string, variables: Record<string, unknown>, as = 'tester') {
  const res = await app.as(as).gql(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

/**
 * Monday 7 December 2026, 9am in London: the week's head mail is due. Mail goes as .eml files
 * into a folder, the embedded default.
 */
describe('Mailing the chain head to the DfE adviser and board chair', () => {
  let app: App;
  let outbox: string;
  const mails = () => outboxMails(outbox, 'chain-head-');
  const headMailEvents = async () => (await app.allEvents()).filter((e) => e.type.startsWith('ChainHeadMail'));
  let weeklyHead: ChainHead;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'send-chain-heads-'));
    // The plan is created in the summer, so that its 2026/27 Q2 return can be signed off in December.
    app = await startTestApp({ now: '2026-06-15T10:00:00.000Z', reminders: mailSettings({ type: 'folder', dir: outbox }) });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA], email: ADVISER });
    await app.addUser({ userId: 'chair', displayName: 'Board Chair', roles: ['BOARD_CHAIR'], areas: [TEST_AREA], email: CHAIR });
    // Neither is mailed: an owner is not who holds the tracker to account, and another area's adviser has no business with this one.
    await app.addUser({ userId: 'owner', roles: ['ACTION_OWNER', 'BOARD_MEMBER'], areas: [TEST_AREA], email: 'owner@council.example' });
    await app.addUser({ userId: 'elsewhere', roles: ['DFE_ADVISER'], areas: ['other-area'], email: 'other.adviser@education.gov.example' });
    await ok(app, CREATE_PLAN, { input: planInput(PLAN) });
    app.clock.set('2026-12-07T09:00:00.000Z');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('mails the weekly head once, to the adviser and the chair, even with two api instances checking at the same moment', async () => {
    const locked = /Projection batch failed; will retry: SqliteError: database is locked/;
    const withdraw = app.expectErrors(locked);
    const second = await startTestApp({ now: '2026-12-07T09:00:00.000Z', reminders: mailSettings({ type: 'folder', dir: outbox }), reuse: { dataDir: app.dataDir }, expectedErrors: [locked] });
    try {
      weeklyHead = await verifyNow(app);
      expect(await verifyNow(second)).toEqual(weeklyHead);
      const [a, b] = await Promise.all([run(app), run(second)]);
      expect(a.sent + b.sent).toBe(1);
      expect(a.sent + a.alreadyHandled + a.takenElsewhere).toBe(1);
      expect(b.sent + b.alreadyHandled + b.takenElsewhere).toBe(1);
    } finally {
      await second.close({ discard: false });
      withdraw();
    }
    expect((await headMailEvents()).map((e) => [e.type, e.streamId])).toEqual([
      ['ChainHeadMailClaimed', `chain-head-week-2026-w50-${TEST_AREA}`],
      ['ChainHeadMailSent', `chain-head-week-2026-w50-${TEST_AREA}`],
    ]);
    const [mail] = mails();
    expect(mails()).toHaveLength(1);
    expect(mail.header('To')!.split(/,\s*/).sort()).toEqual([CHAIR, ADVISER].sort());
    expect((await headMailEvents())[0].data).toMatchObject({ occasion: 'WEEKLY', localAreaId: TEST_AREA, planId: null, head: { position: String(weeklyHead.position), hash: weeklyHead.hash }, recipients: [CHAIR, ADVISER].sort() });

    expect(await run(app)).toMatchObject({ due: 1, sent: 0, alreadyHandled: 1 });
    expect(mails()).toHaveLength(1);
    expect(await headMailEvents()).toHaveLength(2);
  }, 60_000);

  it('says in the mail the head, when and why it was sent, and how to check it later, with nothing of the plan in it', () => {
    const [mail] = mails();
    const head = headText(weeklyHead);
    expect(mail.header('Subject')).toBe("Keep this: the SEND tracker's chain head, 7 December 2026 at 9:00am");
    expect(mail.body).toContain(`Chain head: ${head}`);
    expect(mail.body).toContain('Sent: 7 December 2026 at 9:00am (UK time)');
    expect(mail.body).toContain('Why now: the weekly copy for week 50 of 2026.');
    expect(mail.body).toContain(`npm run verify -- --head ${head}`);
    expect(mail.body).toContain('open History check, paste the chain head above into "Chain head from a\n  report" and choose Check the history now.');
    expect(mail.body).toContain(`DOES NOT MATCH (HEAD_MISMATCH) or MISSING at position ${weeklyHead.position}`);
    expect(mail.body).not.toMatch(/chain-head-|plan-|week-2026|chain-heads|test-area|Test local area|SEND and AP Improvement Plan/);
    expect(mail.header('Message-ID')).toMatch(/^<chain-head-[0-9a-f-]{36}@council\.example>$/);
  });

  it('gives a head that verifyHistory, asked by the adviser, says the history still reaches', async () => {
    const position = String(weeklyHead.position);
    const { verifyHistory } = await ok(app, VERIFY, { planId: PLAN, heads: [{ position, hash: weeklyHead.hash }] }, 'adviser');
    expect(verifyHistory).toEqual({ ok: true, heads: [{ position, hash: weeklyHead.hash, matches: true }], firstBreak: null });
  });

  it('mails the head when a board meeting is closed, and when a quarterly return is signed off, once each', async () => {
    const meetingId = (await ok(app, SCHEDULE, { input: { planId: PLAN, type: 'BOARD', date: '2026-12-07', title: 'SEND Improvement Board, December 2026' } })).scheduleMeeting.id;
    app.clock.set('2026-12-07T13:30:00.000Z');
    await ok(app, CLOSE, { input: { meetingId, minutesReference: 'SIB minutes 2026-12-07' } });
    const meetingHead = await verifyNow(app);
    expect(await run(app)).toMatchObject({ due: 2, sent: 1, alreadyHandled: 1 });
    const meetingMail = (await headMailEvents()).find((e) => e.type === 'ChainHeadMailClaimed' && e.data.occasion === 'MEETING_CLOSED')!;
    expect(meetingMail).toMatchObject({ streamId: `chain-head-meeting-${meetingId}`, data: { planId: PLAN, head: { position: String(meetingHead.position), hash: meetingHead.hash } } });
    expect(mails()).toHaveLength(2);
    expect(mails().some((m) => m.body.includes('Why now: a board meeting held on 7 December 2026 was closed on 7 December 2026 at 1:30pm.'))).toBe(true);
    const closedMail = mails().find((m) => m.body.includes(`Chain head: ${headText(meetingHead)}`))!;
    expect(closedMail.body).not.toMatch(/SEND Improvement Board, December 2026|SIB minutes|chain-heads|meeting-/);

    const quarter = '2026/27 Q2';
    const written = (await ok(app, WRITE, { input: { planId: PLAN, quarter, text: 'The quarter in brief.' } })).writeExecutiveSummary;
    const submitted = (await ok(app, SUBMIT, { input: { planId: PLAN, quarter, expectedRevision: written.revision } })).submitQuarterlyReturn;
    app.clock.set('2026-12-08T10:00:00.000Z');
    await ok(app, SIGN_OFF, { input: { planId: PLAN, quarter, expectedRevision: submitted.revision } }, 'chair');
    const returnHead = await verifyNow(app);
    expect(await run(app)).toMatchObject({ due: 3, sent: 1, alreadyHandled: 2 });
    expect(mails()).toHaveLength(3);
    const returnMail = mails().find((m) => m.body.includes('Why now: the quarterly return for 2026/27 Q2 was signed off on 8 December 2026 at 10:00am.'))!;
    expect(returnMail.body).toContain(`Chain head: ${headText(returnHead)}`);
    expect(await run(app)).toMatchObject({ due: 3, sent: 0, alreadyHandled: 3 });
  }, 60_000);

  it('lists what went to whom, newest first, for the adviser: the heads as mailed, each still reached by the history', async () => {
    const LIST = `query ($planId: ID!) { chainHeadMails(planId: $planId) { occasion planId head { position hash } recipients status attempts claimedAt sentAt lastError retryAfter } }`;
    const { chainHeadMails } = await ok(app, LIST, { planId: PLAN }, 'adviser');
    const claims = (await headMailEvents()).filter((e) => e.type === 'ChainHeadMailClaimed').reverse();
    expect(chainHeadMails).toEqual(
      claims.map((e) => ({
        occasion: e.data.occasion,
        planId: e.data.planId,
        head: e.data.head,
        recipients: [CHAIR, ADVISER].sort(),
        status: 'SENT',
        attempts: 1,
        claimedAt: e.data.claimedAt,
        sentAt: e.data.claimedAt,
        lastError: null,
        retryAfter: null,
      })),
    );
    expect(chainHeadMails.map((m: { occasion: string }) => m.occasion)).toEqual(['QUARTERLY_SIGN_OFF', 'MEETING_CLOSED', 'WEEKLY']);
    const { verifyHistory } = await ok(app, VERIFY, { planId: PLAN, heads: chainHeadMails.map((m: { head: unknown }) => m.head) }, 'adviser');
    expect(verifyHistory.heads.map((h: { matches: boolean }) => h.matches)).toEqual([true, true, true]);
  });

  it('mails nothing for an occasion older than a week, nor for the next week before Monday 8am', async () => {
    app.clock.set('2026-12-14T07:59:00.000Z');
    // The meeting and the return are still within their week, and mailed; week 51's is not due yet.
    expect(await run(app)).toMatchObject({ due: 2, sent: 0, alreadyHandled: 2 });
    app.clock.set('2026-12-15T10:00:00.000Z');
    await verifyNow(app);
    // The week's mail for week 51; the meeting (closed 8 days ago) has had its moment; the return's mail was sent.
    expect(await run(app)).toMatchObject({ due: 2, sent: 1, alreadyHandled: 1 });
    expect(mails().filter((m) => m.body.includes('Why now: the weekly copy for week 51 of 2026.'))).toHaveLength(1);
  }, 60_000);

  it('shows, from a mailed head, that the newest events were deleted while the api was stopped: MISSING at its position', async () => {
    const mailed = (await headMailEvents()).filter((e) => e.type === 'ChainHeadMailClaimed').map((e) => e.data.head as { position: string; hash: string });
    const newest = mailed[mailed.length - 1];
    const older = mailed[0];
    await app.close({ discard: false });

    // An attacker with the files cuts the history short from the newest mailed head on.
    const db = new Database(join(app.dataDir, 'events.sqlite'));
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
    const removed = db.prepare('DELETE FROM events WHERE position >= ?').run(newest.position).changes;
    db.close();
    expect(removed).toBeGreaterThan(0);

    const env = { DATA_DIR: app.dataDir };
    const alone = await runCli('verify-history', [], env);
    expect(alone.output).toContain('OK: both hash chains hold');
    expect(alone.code).toBe(0);

    const withHead = await runCli('verify-history', ['--head', `${newest.position}:${newest.hash}`], env);
    expect(withHead.code).toBe(2);
    expect(withHead.output).toContain(`BROKEN (MISSING) at position ${newest.position}`);
    expect(withHead.output).toContain(`given head ${newest.position}:${newest.hash}: DOES NOT MATCH`);

    // The weekly head mailed before the cut still matches: what was deleted came after it.
    const withOlder = await runCli('verify-history', ['--head', `${older.position}:${older.hash}`], env);
    expect(withOlder.output).toContain(`given head ${older.position}:${older.hash}: still matches`);
    expect(withOlder.code).toBe(0);
  }, 60_000);
});

describe('A chain head mail while the history does not verify', () => {
  it('is held back and claimed by nobody: a head of a broken history would vouch for it', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'send-chain-heads-'));
    const app = await startTestApp({ now: '2026-12-07T09:00:00.000Z', reminders: mailSettings({ type: 'folder', dir: outbox }) });
    try {
      await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA], email: ADVISER });
      await ok(app, CREATE_PLAN, { input: planInput(PLAN) });
      const integrity = integrityOf(app);
      integrity.broken({ kind: 'EDITED', position: 3n, message: 'The event at position 3 was edited.' }, app.clock.now());
      expect(await run(app)).toMatchObject({ due: 1, sent: 0, unverified: 1 });
      expect(outboxMails(outbox)).toHaveLength(0);
      expect((await app.allEvents()).filter((e) => e.type.startsWith('ChainHeadMail'))).toEqual([]);
    } finally {
      await app.close();
      rmSync(outbox, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('A chain head mail the mail server refuses for now', () => {
  it('is tried again after the back-off, not before, with the head verified by then', async () => {
    const smtp = await startLoopbackSmtpServer();
    const app = await startTestApp({ now: '2026-12-07T09:00:00.000Z', reminders: mailSettings({ type: 'smtp', url: smtp.url }) });
    const LIST = `query ($planId: ID!) { chainHeadMails(planId: $planId) { head { position hash } status attempts lastError retryAfter } }`;
    const listed = async () => (await ok(app, LIST, { planId: PLAN }, 'adviser')).chainHeadMails;
    try {
      await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA], email: ADVISER });
      await ok(app, CREATE_PLAN, { input: planInput(PLAN) });
      smtp.refuse(ADVISER, 451);
      const first = await verifyNow(app);
      expect(await run(app)).toMatchObject({ due: 1, failed: 1 });
      expect(await listed()).toEqual([
        { head: { position: String(first.position), hash: first.hash }, status: 'FAILED', attempts: 1, lastError: expect.stringContaining('refused'), retryAfter: '2026-12-07T09:05:00.000Z' },
      ]);

      smtp.accept(ADVISER);
      app.clock.set('2026-12-07T09:04:59.000Z');
      expect(await run(app)).toMatchObject({ due: 1, sent: 0, alreadyHandled: 1 });
      expect(smtp.received).toHaveLength(0);

      app.clock.set('2026-12-07T09:05:00.000Z');
      await ok(app, CREATE_PLAN, { input: planInput(`${PLAN}-2`) });
      const later = await verifyNow(app);
      expect(later.position).toBeGreaterThan(first.position);
      expect(await run(app)).toMatchObject({ due: 1, sent: 1 });
      expect(await listed()).toEqual([{ head: { position: String(later.position), hash: later.hash }, status: 'SENT', attempts: 2, lastError: null, retryAfter: null }]);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].body).toContain(`Chain head: ${headText(later)}`);
    } finally {
      await app.close();
      await smtp.close();
    }
  }, 60_000);
});

describe('npm run send-chain-heads', () => {
  it('verifies the history, mails what is due with a line each and a summary, and sends nothing twice', async () => {
    const outbox = mkdtempSync(join(tmpdir(), 'send-chain-heads-'));
    // The command runs on the real clock: the meeting is closed an hour ago, so it is due now.
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const app = await startTestApp({ now: anHourAgo });
    try {
      await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA], email: ADVISER });
      await ok(app, CREATE_PLAN, { input: planInput(PLAN) });
      const meetingId = (await ok(app, SCHEDULE, { input: { planId: PLAN, type: 'BOARD', date: anHourAgo.slice(0, 10), title: 'Board' } })).scheduleMeeting.id;
      await ok(app, CLOSE, { input: { meetingId } });
      await app.close({ discard: false });

      const env = { DATA_DIR: app.dataDir, MAIL_OUTBOX_DIR: outbox, MAIL_FROM: 'SEND tracker <heads@council.example>' };
      const first = await runCli('send-chain-heads', [], env);
      expect(first.output).toMatch(/head \d+:[0-9a-f]{64}/);
      expect(first.output).toMatch(new RegExp(`\\] sent +MEETING_CLOSED +${ADVISER.replace(/\./g, '\\.')} \\(meeting-${meetingId}\\)`));
      expect(first.output).toMatch(/Done in [\d.]+ s: \d due; [12] sent, 0 failed, 0 done before/);
      expect(first.code).toBe(0);
      expect(outboxMails(outbox, 'chain-head-').some((m) => m.body.includes('Why now: a board meeting held on'))).toBe(true);

      const again = await runCli('send-chain-heads', [], env);
      expect(again.output).toMatch(new RegExp(`\\] done before +MEETING_CLOSED`));
      expect(again.output).toMatch(/: \d due; 0 sent, 0 failed, [12] done before/);
      expect(again.code).toBe(0);
    } finally {
      rmSync(app.dataDir, { recursive: true, force: true });
      rmSync(outbox, { recursive: true, force: true });
    }
  }, 60_000);
});
