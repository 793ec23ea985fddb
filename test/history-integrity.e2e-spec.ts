import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADVISER_MAIL,
  AFTER_SECOND_REPORT,
  HISTORY_CHECKS,
  Instance,
  LOCKED,
  NOW,
  OFFICE_MAIL,
  PLAN,
  REPORT,
  seed,
  Seeded,
  START_UP_ONLY,
  tamper,
  Tampering,
  TAMPERINGS,
  truncate,
  verifyCli,
} from './support/history-tampering';
import { withNoNewEvents } from './support/no-new-events';
import { outboxMails } from './support/outbox';
import { eventually } from './support/projector-instances';
import { ReadDatabaseKind, readDatabaseKinds, TESTER } from './support/test-app';

const PLAN_QUERY = `query ($id: ID!) { plan(id: $id) { id title } }`;
const AS_AT = `query ($planId: ID!, $recordedBy: String) { action(planId: $planId, ref: "8.2", recordedBy: $recordedBy) { rag latestCommentary recordedBy } }`;
const ACKNOWLEDGE = `mutation ($input: AcknowledgeHistoryBreakInput!) { acknowledgeHistoryBreak(input: $input) { status writesRefused break { breakId acknowledgement { reason acknowledgedBy } } } }`;
const HEAD = `query ($planId: ID!) { historyHead(planId: $planId) { position events hash } }`;
const VERIFY = `query ($planId: ID!, $heads: [ChainHeadInput!], $full: Boolean) {
  verifyHistory(planId: $planId, heads: $heads, full: $full) { ok head { position hash } firstBreak { kind position message } heads { position hash matches } readModel { firstMismatch { message } } }
}`;

const marked = (answer: { extensions?: Record<string, any> }) => answer.extensions?.history;

async function download(instance: Instance, user = TESTER): Promise<Response> {
  return fetch(`${instance.origin}/reports/plan.xlsx?planId=${PLAN}`, { headers: { authorization: `Bearer ${await instance.app.token(user)}` } });
}

/** The alert mails the folder transport wrote for one break. */
const alertMails = (outbox: string, breakId: string) => outboxMails(outbox, `history-break-${breakId}-`);

/**
 * Items 1–3, 5 and 7 of a break, once it was made (stopped or running): found and said once,
 * every answer marked, writes refused until the programme office acknowledges, one alert mail,
 * and a restored history verifies again.
 */
async function expectBreakHandled(instance: Instance, outbox: string, seeded: Seeded, tampering: Tampering, dataDir: string, fullCheckBy: 'monitor' | 'adviser'): Promise<void> {
  const app = instance.app;
  const { kind, position } = tampering.expected(seeded);
  const breakId = `${position}-${kind.toLowerCase()}`;

  // 1. Found, said once, recorded and mailed.
  const found = await eventually(
    `the ${kind} break recorded and its alert sent`,
    async () => {
      const integrity = (await instance.integrity()).data?.historyIntegrity;
      return integrity?.break?.alert === 'SENT' && integrity;
    },
    15_000,
  );
  expect(found).toMatchObject({ status: 'BROKEN', writesRefused: true, verifiedThrough: null, break: { breakId, revision: 1, acknowledgement: null, found: { kind, position: String(position), inThisPlan: true, streamId: `action-${seeded.actionId}` } } });
  const lines = instance.securityLines();
  expect(lines).toHaveLength(1);
  expect(lines[0].msg).toContain(`${kind} at position ${position}`);

  const history = await fetch(`${instance.origin}/health/history`);
  expect(history.status).toBe(503);
  expect(await history.json()).toMatchObject({ status: 'error', error: { history: { status: 'down', chain: 'BROKEN', breakId, acknowledged: false } } });
  const ready = await fetch(`${instance.origin}/health/ready`);
  expect(ready.status).toBe(200);
  expect((await ready.json()).details.history).toMatchObject({ status: 'up', chain: 'BROKEN', breakId, acknowledged: false });
  expect(await instance.metric('send_history_broken')).toBe('1');
  expect(await instance.metric('send_history_writes_refused')).toBe('1');

  // 2. Every answer says it is not vouched for, whoever asks.
  for (const user of ['adviser', 'member', 'owner']) {
    const answer = await app.as(user).gql(PLAN_QUERY, { id: PLAN });
    expect(answer.errors).toBeUndefined();
    expect(marked(answer)).toEqual({ verified: false, breakId, kind, position: String(position), acknowledged: false, writesRefused: true });
  }
  const workbook = await download(instance);
  expect(workbook.headers.get('x-history-verified')).toBe('false');
  // The workbook folds the plan's streams from the store: served marked, or refused where it would rest on the altered event.
  if (workbook.status !== 200) {
    expect([workbook.status, (await workbook.json()).errors[0].extensions]).toMatchObject([503, { code: 'HISTORY_BROKEN', refused: 'READ', breakId }]);
  }
  expect(workbook.headers.get('x-history-break')).toBe(breakId);

  // 3. Writes are refused and append nothing, until the programme office acknowledges.
  const write = { actionId: seeded.otherActionId, expectedRevision: seeded.otherRevision, rag: 'AMBER', commentary: 'Therapy contract out to tender.', asOfDate: NOW.slice(0, 10) };
  const refused = await withNoNewEvents(app, () => app.gql(REPORT, { input: write }));
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'HISTORY_BROKEN', refused: 'WRITE', breakId, kind, position: String(position) });
  expect(refused.data).toBeNull();
  // A refusal is an answer too.
  expect(marked(refused)).toMatchObject({ verified: false, breakId, writesRefused: true });
  const acknowledge = (user: string, input: Record<string, unknown> = {}) =>
    app.as(user).gql(ACKNOWLEDGE, { input: { planId: PLAN, breakId, expectedRevision: 1, reason: 'Reported to the security team; restoring tonight.', ...input } });
  for (const [user, code] of [['owner', 'FORBIDDEN'], ['member', 'FORBIDDEN'], ['adviser', 'FORBIDDEN'], ['admin-elsewhere', 'NOT_FOUND']]) {
    const answer = await withNoNewEvents(app, () => acknowledge(user));
    expect([user, answer.errors?.[0].extensions?.code]).toEqual([user, code]);
  }
  const blank = await withNoNewEvents(app, () => acknowledge(TESTER, { reason: '   ' }));
  expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  const stale = await withNoNewEvents(app, () => acknowledge(TESTER, { expectedRevision: 0 }));
  expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  expect((await instance.integrity()).data.historyIntegrity.writesRefused).toBe(true);

  const acknowledged = await acknowledge('office');
  expect(acknowledged.errors).toBeUndefined();
  expect(acknowledged.data.acknowledgeHistoryBreak).toMatchObject({ status: 'BROKEN', writesRefused: false, break: { breakId, acknowledgement: { reason: 'Reported to the security team; restoring tonight.', acknowledgedBy: 'Priya Shah' } } });
  const written = await app.gql(REPORT, { input: write });
  expect(written.errors).toBeUndefined();
  expect(marked(written)).toMatchObject({ verified: false, breakId, acknowledged: true, writesRefused: false });
  expect(marked(await app.as('member').gql(PLAN_QUERY, { id: PLAN }))).toMatchObject({ verified: false, breakId, acknowledged: true, writesRefused: false });
  expect((await download(instance)).headers.get('x-history-break')).toBe(`${breakId}; acknowledged`);
  expect(await instance.metric('send_history_writes_refused')).toBe('0');
  expect(await instance.metric('send_history_broken')).toBe('1');
  const again = await acknowledge(TESTER, { expectedRevision: (await instance.integrity()).data.historyIntegrity.break.revision });
  expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });

  // 5. One alert, to the DfE adviser and the programme office, naming the break and nothing of any plan.
  const mails = alertMails(outbox, breakId);
  expect(mails).toHaveLength(1);
  expect(mails[0].header('To')?.split(/,\s*/).sort()).toEqual([OFFICE_MAIL, ADVISER_MAIL].sort());
  expect(mails[0].header('Subject')).toContain(`${kind} at position ${position}`);
  expect(mails[0].body).toContain(`${kind} at position ${position} (break ${breakId})`);
  for (const secret of ['action-', 'plan-', PLAN, seeded.actionId, 'Forecast gap', 'All on track']) expect(mails[0].body).not.toContain(secret);

  // Said once, however many checks ran since.
  expect(instance.securityLines()).toHaveLength(1);

  // 7. The rows put back as they were: the next full check (the api's own, or a person's) finds the history whole, and the marks go.
  tampering.restore(dataDir, seeded);
  if (fullCheckBy === 'adviser') expect((await app.as('adviser').gql(VERIFY, { planId: PLAN, full: true })).data.verifyHistory).toMatchObject({ ok: true, firstBreak: null });
  const verified = await eventually('the restored history verified', async () => {
    const integrity = (await instance.integrity()).data?.historyIntegrity;
    return integrity?.status === 'VERIFIED' && integrity;
  }, 10_000);
  expect(verified).toMatchObject({ writesRefused: false, break: null, verifiedThrough: { position: expect.any(String) } });
  const after = await app.gql(REPORT, { input: { ...write, expectedRevision: written.data.reportProgress.revision, rag: 'GREEN', commentary: 'Contract awarded.' } });
  expect(after.errors).toBeUndefined();
  expect(after.extensions).toBeUndefined();
  expect((await fetch(`${instance.origin}/health/history`)).status).toBe(200);
  expect(await instance.metric('send_history_broken')).toBe('0');
  const restored = await download(instance);
  expect([restored.status, restored.headers.get('x-history-verified')]).toEqual([200, null]);
  // What was read while the file was altered is not served after it was put back.
  const asAt = await app.as('adviser').gql(AS_AT, { planId: PLAN, recordedBy: AFTER_SECOND_REPORT });
  expect(asAt.errors).toBeUndefined();
  expect(asAt.extensions).toBeUndefined();
  expect(asAt.data.action).toMatchObject({ rag: 'RED', latestCommentary: 'Forecast gap widened to £71m.' });
}

/** 4. An as-at read of 8.2 after the edited report: refused, or marked; never the edited value unmarked. */
function expectNoUnmarkedEditedValue(answer: { data?: any; errors?: { extensions?: Record<string, any> }[]; extensions?: Record<string, any> }): void {
  if (answer.errors) {
    expect(answer.errors[0].extensions).toMatchObject({ code: 'HISTORY_BROKEN', refused: 'READ' });
    return;
  }
  const rag = answer.data.action.rag;
  if (!marked(answer)) expect(rag).not.toBe('GREEN');
  else expect(marked(answer).verified).toBe(false);
}

const ACTION_REVISION = `query ($planId: ID!, $ref: String!) { action(planId: $planId, ref: $ref) { revision } }`;

/**
 * 6. The last events deleted. The chains that remain are whole, so neither the start-up check nor
 * the running one can tell (nothing is left after the cut to disagree with it): the api keeps
 * saying VERIFIED, and only a head kept from before the cut shows it. With one, verifyHistory and
 * `npm run verify -- --head` both say the chain no longer reaches it.
 */
async function expectTruncationShownOnlyByKeptHead(instance: Instance, head: { position: string; hash: string }): Promise<void> {
  const integrity = (await instance.integrity()).data.historyIntegrity;
  expect(integrity).toMatchObject({ status: 'VERIFIED', writesRefused: false, break: null });
  expect(BigInt(integrity.verifiedThrough.position)).toBeLessThan(BigInt(head.position));
  expect(marked(await instance.app.as('adviser').gql(PLAN_QUERY, { id: PLAN }))).toBeUndefined();
  // The store's own head says where it ends now, as it would of any shorter history.
  const storeHead = await instance.app.as('adviser').gql(HEAD, { planId: PLAN });
  expect(storeHead.errors).toBeUndefined();
  expect(storeHead.data.historyHead).toEqual({ position: integrity.verifiedThrough.position, hash: integrity.verifiedThrough.hash, events: (await instance.app.allEvents()).length });
  const ready = await fetch(`${instance.origin}/health/ready`);
  expect([ready.status, (await ready.json()).details]).toMatchObject([200, { history: { status: 'up', chain: 'VERIFIED' } }]);
  const checked = await instance.app.as('adviser').gql(VERIFY, { planId: PLAN, heads: [head], full: true });
  expect(checked.errors).toBeUndefined();
  expect(checked.data.verifyHistory).toMatchObject({ ok: false, heads: [{ ...head, matches: false }] });
  expect(['MISSING', 'HEAD_MISMATCH']).toContain(checked.data.verifyHistory.firstBreak.kind);
  const cli = await verifyCli(instance.app.dataDir, head);
  expect(cli.code).toBe(2);
  expect(cli.stdout).toContain(`given head ${head.position}:${head.hash}: DOES NOT MATCH`);
}

async function keptHead(instance: Instance): Promise<{ position: string; hash: string }> {
  const answer = await instance.app.as('adviser').gql(VERIFY, { planId: PLAN, full: true });
  expect(answer.errors).toBeUndefined();
  expect(answer.data.verifyHistory).toMatchObject({ ok: true, firstBreak: null, readModel: { firstMismatch: null } });
  return answer.data.verifyHistory.head;
}

describe('Tamper evidence, always on: a break is said, marked, stops writes until acknowledged, and is mailed once', () => {
  describe('in a stopped store: found by the check at start-up', () => {
    const outbox = mkdtempSync(join(tmpdir(), 'send-history-outbox-'));
    let instance: Instance;
    let seeded: Seeded;

    beforeAll(async () => {
      instance = await Instance.start('sqlite', outbox, [], [], START_UP_ONLY);
      seeded = await seed(instance.app);
    }, 30_000);

    afterAll(() => instance?.app.close());

    /** Stops the api, tampers with the file, and starts it again on the same data. */
    async function restartAfter(change: (dataDir: string) => void): Promise<void> {
      const stopped = instance.app;
      await stopped.close({ discard: false });
      change(stopped.dataDir);
      instance = await Instance.start(stopped, outbox, [], [], START_UP_ONLY);
    }

    it.each(TAMPERINGS)('$name', async (tampering) => {
      seeded.otherRevision = (await instance.app.gql(ACTION_REVISION, { planId: PLAN, ref: '8.3' })).data.action.revision;
      await restartAfter((dataDir) => tampering.apply(dataDir, seeded));
      if (tampering.expected(seeded).kind === 'EDITED') {
        // 4. Read as at after the edited report, once the restarted api answers.
        expectNoUnmarkedEditedValue(await instance.app.as('adviser').gql(AS_AT, { planId: PLAN, recordedBy: AFTER_SECOND_REPORT }));
      }
      await expectBreakHandled(instance, outbox, seeded, tampering, instance.app.dataDir, 'adviser');
    }, 30_000);

    it('the last events deleted: not found without a head kept from before, found with one', async () => {
      const head = await keptHead(instance);
      await restartAfter((dataDir) => truncate(dataDir, 2));
      await eventually('the start-up check', async () => (await instance.integrity()).data.historyIntegrity.status !== 'UNCHECKED', 5000);
      await expectTruncationShownOnlyByKeptHead(instance, head);
      expect(instance.securityLines()).toEqual([]);
    }, 30_000);
  });

  describe.each(readDatabaseKinds())('in a running store, %s read models: found by its own checks', (kind: ReadDatabaseKind) => {
    const outbox = mkdtempSync(join(tmpdir(), 'send-history-outbox-'));
    let instance: Instance;
    let seeded: Seeded;

    beforeAll(async () => {
      instance = await Instance.start(kind, outbox, [], [LOCKED]);
      seeded = await seed(instance.app);
    }, 30_000);

    afterAll(() => instance?.app.close());

    it.each(TAMPERINGS)('$name', async (tampering) => {
      seeded.otherRevision = (await instance.app.gql(ACTION_REVISION, { planId: PLAN, ref: '8.3' })).data.action.revision;
      instance.log.splice(0);
      tampering.apply(instance.app.dataDir, seeded);
      if (tampering.expected(seeded).kind === 'EDITED') {
        // 4. Read as at after the edited report at once, before any check has run, and again once one has.
        expectNoUnmarkedEditedValue(await instance.app.as('adviser').gql(AS_AT, { planId: PLAN, recordedBy: AFTER_SECOND_REPORT }));
        await eventually('the edit found', async () => (await instance.integrity()).data.historyIntegrity.status === 'BROKEN', 5000);
        expectNoUnmarkedEditedValue(await instance.app.as('adviser').gql(AS_AT, { planId: PLAN, recordedBy: AFTER_SECOND_REPORT }));
      }
      await expectBreakHandled(instance, outbox, seeded, tampering, instance.app.dataDir, 'monitor');
    }, 30_000);

    it('two instances on one data directory: each finds the break and says it once, one alert mail goes out, and the acknowledgement reaches both', async () => {
      // Its own outbox: a second alert would land beside the first, not over it under the same name.
      const secondOutbox = mkdtempSync(join(tmpdir(), 'send-history-outbox-'));
      // Nest's logger is one per process, so both instances here write to one log: shared, and counted together.
      const second = await Instance.start(instance.app, secondOutbox, instance.log, [LOCKED]);
      const mailsFor = (breakId: string) => [...alertMails(outbox, breakId), ...alertMails(secondOutbox, breakId)];
      const withdraw = instance.app.expectErrors(LOCKED);
      try {
        instance.log.splice(0);
        tamper(instance.app.dataDir, "UPDATE events SET data = json_set(data, '$.commentary', 'Nothing to report.') WHERE position = ?", String(seeded.first.position));
        const breakId = `${seeded.first.position}-edited`;
        for (const each of [instance, second]) {
          await eventually('each instance found the edit and its alert is sent', async () => (await each.integrity()).data?.historyIntegrity?.break?.alert === 'SENT', 10_000);
          expect(marked(await each.app.as('member').gql(PLAN_QUERY, { id: PLAN }))).toMatchObject({ breakId, writesRefused: true });
        }
        expect(instance.securityLines().map((l) => l.msg)).toEqual([0, 1].map(() => expect.stringContaining(`EDITED at position ${seeded.first.position}`)));
        expect(mailsFor(breakId)).toHaveLength(1);
        const revision = (await instance.integrity()).data.historyIntegrity.break.revision;
        const acknowledged = await instance.app.as('office').gql(ACKNOWLEDGE, { input: { planId: PLAN, breakId, expectedRevision: revision, reason: 'Found by both servers; restoring now.' } });
        expect(acknowledged.errors).toBeUndefined();
        await eventually('the other instance took up the acknowledgement', async () => (await second.integrity()).data.historyIntegrity.writesRefused === false, 5000);
        tamper(instance.app.dataDir, 'UPDATE events SET data = ? WHERE position = ?', seeded.first.data, String(seeded.first.position));
        for (const each of [instance, second]) {
          await eventually('each instance verified the restored history', async () => (await each.integrity()).data.historyIntegrity.status === 'VERIFIED', 5000);
        }
        // Nothing more was mailed for it by either.
        expect(mailsFor(breakId)).toHaveLength(1);
      } finally {
        await second.app.close({ discard: false });
        withdraw();
      }
    }, 30_000);

    it('the last events deleted: not found without a head kept from before, found with one', async () => {
      const head = await keptHead(instance);
      // A client that follows the store's head has asked before the cut.
      expect((await instance.app.as('adviser').gql(HEAD, { planId: PLAN })).data.historyHead).toMatchObject(head);
      instance.log.splice(0);
      truncate(instance.app.dataDir, 2);
      // Two full checks' time: neither finds anything.
      await new Promise((resolve) => setTimeout(resolve, 2 * HISTORY_CHECKS.fullIntervalMs + 200));
      await expectTruncationShownOnlyByKeptHead(instance, head);
      expect(instance.securityLines()).toEqual([]);
    }, 30_000);
  });
});
