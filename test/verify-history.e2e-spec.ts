import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Client } from 'pg';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { ReadDatabaseKind, readDatabaseKinds, startTestApp, TEST_AREA } from './support/test-app';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { runCli } from './support/run-cli';

const VERIFY = `query ($planId: ID!, $heads: [ChainHeadInput!], $full: Boolean = false) {
  verifyHistory(planId: $planId, heads: $heads, full: $full) {
    ok eventsChecked eventsHashed resumedAfter streamsChecked head { position hash } planHead { position hash }
    firstBreak { kind position inThisPlan streamId revision eventId message }
    heads { position hash matches } nextSteps
    readModel { rowsChecked firstMismatch { position actionId field inReadModel inEventStore stored expected message } }
  }
}`;
const REPORT = change('reportProgress', 'ReportProgressInput');

/**
 * The tampering is done as someone with access to the files would do it, under the running app:
 * straight SQL on the event store file (append-only triggers dropped first), and on the read
 * database, PostgreSQL or SQLite.
 */
describe.each(readDatabaseKinds())('verifyHistory over GraphQL, %s read models', (kind: ReadDatabaseKind) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let actionId: string;
  const planId = `chain-${kind}`;
  const verify = (heads?: { position: string; hash: string }[], user = 'adviser', full = false) => app.as(user).gql(VERIFY, { planId, heads, full });

  beforeAll(async () => {
    app = await startTestApp({ readDatabase: kind });
    await app.gql(CREATE_PLAN, { input: planInput(planId) });
    let action = (await app.gql(ADD_ACTION, { input: actionInput(planId, '8.2') })).data.addAction;
    for (const [rag, commentary] of [['AMBER', 'Deficit recovery plan drafted.'], ['RED', 'Forecast gap widened to £71m.']]) {
      const res = await app.gql(REPORT, { input: { actionId: action.id, expectedRevision: action.revision, rag, commentary, asAt: '2026-06-01' } });
      expect(res.errors).toBeUndefined();
      action = res.data.reportProgress;
    }
    actionId = action.id;
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'owner-only', roles: ['ACTION_OWNER'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'outsider', roles: ['BOARD_CHAIR'], areas: ['other-area'] });
    await app.app.get(ProjectionService).caughtUpToHead();
  }, 60_000);

  afterAll(() => app?.close());

  function tamperEvents(sql: string): void {
    const db = new Database(join(app.dataDir, 'events.sqlite'));
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
    db.exec(sql);
    db.close();
  }

  async function tamperReadModel(sql: string, params: unknown[]): Promise<void> {
    if (kind === 'sqlite') {
      const db = new Database(join(app.dataDir, 'read-models.sqlite'));
      db.prepare(sql.replace(/\$\d/g, '?')).run(...params);
      db.close();
      return;
    }
    const client = new Client({ connectionString: app.postgres!.url });
    await client.connect();
    await client.query(sql, params);
    await client.end();
  }

  const progressEvents = async () => (await app.allEvents()).filter((e) => e.streamId === `action-${actionId}` && e.type === 'ProgressReported');

  it("answers the DfE adviser that the history holds, with the store's head and the plan's, and checks heads given back", async () => {
    const res = await verify();
    expect(res.errors).toBeUndefined();
    const result = res.data.verifyHistory;
    const events = await app.allEvents();
    const newestOfPlan = events.filter((e) => e.streamId === `plan-${planId}` || e.streamId === `action-${actionId}`).pop()!;
    expect(result).toMatchObject({ ok: true, firstBreak: null, eventsChecked: events.length, eventsHashed: events.length, resumedAfter: null, heads: [], nextSteps: [] });
    expect(result.head).toEqual({ position: String(events[events.length - 1].position), hash: events[events.length - 1].globalHash });
    expect(result.planHead).toEqual({ position: String(newestOfPlan.position), hash: newestOfPlan.globalHash });
    expect(result.readModel).toEqual({ rowsChecked: 4, firstMismatch: null });

    const again = (await verify([result.planHead, { ...result.head, hash: result.head.hash.toUpperCase() }], 'tester')).data.verifyHistory;
    expect(again.heads.map((h: { matches: boolean }) => h.matches)).toEqual([true, true]);
  });

  it('refuses an action owner, hides the plan from another area, and names a malformed head', async () => {
    expect((await verify(undefined, 'owner-only')).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await verify(undefined, 'outsider')).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const bad = await verify([{ position: '0', hash: 'abc' }]);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors![0].extensions)).toMatch(/heads\.0\.(position|hash)/);
  });

  it('names a timeline line edited in the read database, while the event history itself holds', async () => {
    const [, second] = await progressEvents();
    await tamperReadModel('UPDATE timeline_entries SET summary = $1 WHERE position = $2', ['RAG Green: all on track.', String(second.position)]);
    const result = (await verify()).data.verifyHistory;
    // The events hold, so the heads may be kept, and the copy is named as the one edited.
    expect(result).toMatchObject({ ok: false, firstBreak: null, nextSteps: [] });
    expect(result.head).not.toBeNull();
    expect(result.readModel.firstMismatch).toMatchObject({ position: String(second.position), actionId, field: 'summary', inReadModel: 'RAG Green: all on track.' });
    expect(result.readModel.firstMismatch.inEventStore).toContain('Forecast gap widened');
    expect(result.readModel.firstMismatch.message).toMatch(/"RAG Green: all on track\." in the read database, but the verified event gives .*Forecast gap widened.*: the read database was edited\.$/);
    // The old names answer as before for clients that still ask for them.
    expect(result.readModel.firstMismatch).toMatchObject({ stored: 'RAG Green: all on track.', expected: result.readModel.firstMismatch.inEventStore });

    await tamperReadModel('UPDATE timeline_entries SET summary = $1 WHERE position = $2', [result.readModel.firstMismatch.inEventStore, String(second.position)]);
    expect((await verify()).data.verifyHistory).toMatchObject({ ok: true, readModel: { firstMismatch: null } });
  });

  it('names an edited, a deleted and a reordered event in the store file by position, stream and revision, and each restore verifies again', async () => {
    // The running api finds each break too (its own checks, and reads of the edited event) and says so once per break.
    const withdraw = app.expectErrors(/SECURITY: the recorded history does not verify/);
    // An edit to an event verified earlier is found by a full check; an incremental one hashes only new events.
    const check = (heads?: { position: string; hash: string }[]) => verify(heads, 'adviser', true);
    const before = (await verify()).data.verifyHistory;
    const [first, second] = await progressEvents();
    const stream = `action-${actionId}`;

    tamperEvents(`UPDATE events SET data = json_set(data, '$.rag', 'GREEN') WHERE position = ${second.position}`);
    const edited = (await check([before.planHead])).data.verifyHistory;
    expect(edited.ok).toBe(false);
    expect(edited.firstBreak).toMatchObject({ kind: 'EDITED', position: String(second.position), inThisPlan: true, streamId: stream, revision: Number(second.revision), eventId: second.id });
    expect(edited.heads[0].matches).toBe(false);
    // No head of the forged history is offered to keep; what to do instead is.
    expect(edited).toMatchObject({ head: null, planHead: null });
    expect(edited.nextSteps).toEqual([
      expect.stringContaining(`Do not trust anything read from the history at or after position ${second.position} (EDITED)`),
      expect.stringContaining('npm run recover'),
      expect.stringContaining(`from position ${second.position} on`),
      expect.stringContaining('security incident'),
    ]);
    const cli = await runVerifyCli(app.dataDir, before.planHead);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toContain(`BROKEN (EDITED) at position ${second.position}, stream ${stream}, revision ${second.revision}`);
    expect(cli.stdout).toContain(`given head ${before.planHead.position}:${before.planHead.hash}: DOES NOT MATCH`);
    expect(cli.stdout).not.toMatch(/head: .*keep this/);
    expect(cli.stdout).toContain('What to do now:');
    expect(cli.stdout).toContain(`1. Do not trust anything read from the history at or after position ${second.position} (EDITED)`);
    expect(cli.stdout).toMatch(/2\. Restore the newest backup whose history verifies .*npm run recover/);
    expect(cli.stdout).toContain('4. Record it as a security incident');
    tamperEvents(`UPDATE events SET data = '${JSON.stringify(second.data).replace(/'/g, "''")}' WHERE position = ${second.position}`);
    expect((await check([before.planHead])).data.verifyHistory.ok).toBe(true);

    tamperEvents(`CREATE TABLE saved AS SELECT * FROM events WHERE position = ${first.position}; DELETE FROM events WHERE position = ${first.position};`);
    // An incremental check hashes only what was appended since (the api's records of the breaks above), so it misses the deletion.
    expect((await verify()).data.verifyHistory).toMatchObject({ ok: true, resumedAfter: expect.any(String) });
    const deleted = (await check()).data.verifyHistory;
    expect(deleted.firstBreak).toMatchObject({ kind: 'MISSING', position: String(second.position), streamId: stream, revision: Number(second.revision) });
    tamperEvents('INSERT INTO events SELECT * FROM saved; DROP TABLE saved;');
    expect((await check()).data.verifyHistory.ok).toBe(true);

    const swap = (a: bigint, b: bigint) => `UPDATE events SET position = -1 WHERE position = ${a}; UPDATE events SET position = ${a} WHERE position = ${b}; UPDATE events SET position = ${b} WHERE position = -1;`;
    tamperEvents(swap(first.position, second.position));
    const reordered = (await check()).data.verifyHistory;
    expect(reordered.firstBreak).toMatchObject({ kind: 'REORDERED', position: String(first.position), streamId: stream, revision: Number(second.revision) });
    tamperEvents(swap(first.position, second.position));
    expect((await check([before.planHead])).data.verifyHistory).toMatchObject({ ok: true, heads: [{ matches: true }] });
    const clean = await runVerifyCli(app.dataDir, before.planHead);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('OK: both hash chains hold');
    expect(clean.stdout).toMatch(/head: \d+:[0-9a-f]{64} {2}\(keep this to check against later\)/);
    expect(clean.stdout).not.toContain('What to do now');
    withdraw();
  }, 60_000);

  it('does not cry wolf over a lone surrogate in an event stored before text was checked at the edge', async () => {
    // The edge now refuses such text; this event is what an older build let through. The database
    // stores text as UTF-8, where the lone surrogate became U+FFFD, while the event keeps it.
    const streamId = `action-${actionId}`;
    const head = (await app.store().readStream(streamId)).at(-1)!;
    await app.store().appendToStream(
      streamId,
      [
        {
          id: '0d15ea5e-0000-4000-8000-0000000000a1',
          type: 'ProgressReported',
          data: { actionId, rag: 'RED', previousRag: 'RED', commentary: 'Progress \uD83D update', asAt: '2026-06-02' },
          metadata: { schemaVersion: 1, occurredAt: '2026-06-02T09:00:00.000Z', commandId: 'old-surrogate', correlationId: 'old-surrogate', causationId: 'old-surrogate', actor: { userId: 'tester', role: 'ACTION_OWNER' } },
        },
      ],
      head.revision,
    );
    await app.app.get(ProjectionService).caughtUpToHead();
    const result = (await verify(undefined, 'adviser', true)).data.verifyHistory;
    expect(result).toMatchObject({ ok: true, firstBreak: null, readModel: { firstMismatch: null } });
    expect(result.readModel.rowsChecked).toBeGreaterThan(4);
  });
});

/** `npm run verify` as a real process on the app's data directory (from the sources, as the tests run the api). */
describe('The history check at start-up', () => {
  it('logs one security event naming the break and what to do when the store was edited while the api was stopped, and none when it holds', async () => {
    const lines: { level: string; context?: string; msg: string }[] = [];
    const logging = { level: 'info' as const, format: 'json' as const, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
    const checks = () => lines.filter((l) => l.context === 'HistoryCheck');
    const first = await startTestApp({ logging });
    await first.gql(CREATE_PLAN, { input: planInput('chain-at-start') });
    expect(await settled(checks)).toEqual([expect.objectContaining({ level: 'info', msg: expect.stringContaining('both hash chains hold') })]);
    const edited = (await first.allEvents()).find((e) => e.streamId === 'plan-chain-at-start')!;
    await first.close({ discard: false });

    const db = new Database(join(first.dataDir, 'events.sqlite'));
    db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
    db.prepare("UPDATE events SET data = json_set(data, '$.title', 'A different plan') WHERE position = ?").run(String(edited.position));
    db.close();

    lines.length = 0;
    const declared = new RegExp(`SECURITY: the recorded history does not verify: EDITED at position ${edited.position}`);
    const again = await startTestApp({ reuse: { dataDir: first.dataDir }, logging, expectedErrors: [declared] });
    try {
      const [logged] = await settled(checks);
      // One ERROR; what became of the alert follows as a warning (nobody here has an address).
      expect(checks().filter((l) => l.level === 'error')).toHaveLength(1);
      expect(logged).toMatchObject({ level: 'error', msg: expect.stringMatching(declared) });
      expect(logged.msg).toContain(`1. Do not trust anything read from the history at or after position ${edited.position} (EDITED)`);
      expect(logged.msg).toContain('npm run recover');
      expect(logged.msg).toContain('security incident');
    } finally {
      await again.close();
    }
  }, 60_000);
});

/** The start-up check runs just after the app is up: waits for its line. */
async function settled<T>(read: () => T[]): Promise<T[]> {
  for (let waited = 0; waited < 5000 && read().length === 0; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  return read();
}

/** `npm run verify --head …` as a real process on the app's data directory, from the sources. */
async function runVerifyCli(dataDir: string, head: { position: string; hash: string }): Promise<{ code: number; stdout: string }> {
  const { code, output } = await runCli('verify-history', ['--head', `${head.position}:${head.hash}`], { DATA_DIR: dataDir });
  return { code, stdout: output };
}
