import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@send/event-store';
import { backUpDataDirectory } from '../apps/api/src/backup/back-up-data-directory';
import { evidenceFileNamedBy } from '../apps/api/src/backup/evidence-reference';
import { restoreDataDirectory } from '../apps/api/src/backup/restore-data-directory';
import { loadAppConfig } from '../apps/api/src/config/app-config';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { runCli } from './support/run-cli';
import { startTestApp } from './support/test-app';
import { Acknowledged, sha256Of, startWriteBurst } from './support/write-burst';

jest.setTimeout(180_000);

const EVIDENCE = `query ($id: ID!) { action(id: $id) { revision evidence { id file { sha256 downloadUrl } } } }`;

async function eventsIn(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ filename: file, backgroundCheckpoints: false });
  try {
    return await store.readAll({ withHashes: true });
  } finally {
    await store.close();
  }
}

const identity = (e: RecordedEvent) => ({ position: e.position, id: e.id, streamId: e.streamId, revision: e.revision, hash: e.hash, globalHash: e.globalHash });

/**
 * The restored history is the first n events of the live store, byte for byte as hashed, from
 * position 1 with no gap, and holds every write acknowledged before the backup began.
 */
function expectConsistentPrefixWith(live: RecordedEvent[], back: RecordedEvent[], acknowledgedBefore: Acknowledged[]): void {
  expect(back.length).toBeLessThan(live.length);
  expect(back.map(identity)).toEqual(live.slice(0, back.length).map(identity));
  expect(back.map((e) => Number(e.position))).toEqual(back.map((_e, i) => i + 1));
  for (const write of acknowledgedBefore) {
    const event = back.find((e) => e.streamId === `action-${write.actionId}` && Number(e.revision) === write.revision);
    expect(event?.type).toBe(write.kind === 'progress' ? 'ProgressReported' : 'EvidenceAttached');
    if (write.commentary) expect(event!.data).toMatchObject({ commentary: write.commentary });
    if (write.sha256) expect(evidenceFileNamedBy(event!)).toBe(write.sha256);
  }
}

/**
 * "IT backs it up": `npm run backup` taken from a running api in the middle of a burst of writes
 * from several clients, then `npm run restore` into an empty data directory and an api started
 * on it. Every write acknowledged before the backup began must be there; what is there must be a
 * prefix of the history that holds (no gap, no half append), with every evidence file it names.
 */
describe('npm run backup under writes, npm run restore into an empty directory', () => {
  let source: Awaited<ReturnType<typeof startTestApp>>;
  let restored: Awaited<ReturnType<typeof startTestApp>> | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'send-backup-'));
  const backupDir = join(scratch, 'backup');
  const restoredDir = join(scratch, 'restored');

  beforeAll(async () => {
    source = await startTestApp();
  });

  afterAll(async () => {
    await restored?.close();
    await source?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and the files they name, as a consistent prefix that verifies', async () => {
    await source.gql(CREATE_PLAN, { input: planInput('backed-up') });
    const actions: { id: string; revision: number }[] = [];
    for (const ref of ['1.1', '2.1', '3.1', '4.1', '5.1']) actions.push((await source.gql(ADD_ACTION, { input: actionInput('backed-up', ref) })).data.addAction);
    const burst = startWriteBurst(source, actions.slice(0, 4), actions[4]);
    let backup;
    let startedAfter: number;
    try {
      await burst.reached(40);
      startedAfter = burst.acknowledged.length;
      const eventsWhenStarted = (await source.store().headPosition())!;
      backup = await runCli('backup', ['--to', backupDir], { DATA_DIR: source.dataDir, REMINDERS: 'off' });
      const duringBackup = burst.acknowledged.length - startedAfter;
      // The burst went on for the whole backup, from several clients.
      expect(duringBackup).toBeGreaterThan(0);
      expect(backup.output).toMatch(/Event store: \d+ events/);
      const snapshotEvents = Number(/events: +(\d+)/.exec(backup.output)![1]);
      expect(snapshotEvents).toBeGreaterThan(Number(eventsWhenStarted));
    } finally {
      await burst.stop();
    }
    expect(burst.failures).toEqual([]);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain('read models:    not included');
    expect(backup.output).toMatch(/taken: +\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d:\d\d \(UK time\)/);

    const restore = await runCli('restore', ['--from', backupDir, '--to', restoredDir], { REMINDERS: 'off' });
    expect(restore.output).toContain('OK. The api can start on it now.');
    expect(restore.output).toMatch(/backup taken \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d:\d\d \(UK time\)/);
    expect(restore.code).toBe(0);
    const verify = await runCli('verify-history', [], { DATA_DIR: restoredDir });
    expect(verify.output).toContain('OK: both hash chains hold');
    expect(verify.code).toBe(0);

    const back = await eventsIn(join(restoredDir, 'events.sqlite'));
    const before = burst.acknowledged.slice(0, startedAfter!);
    expectConsistentPrefixWith(await source.allEvents(), back, before);

    // The api starts on the restored directory ready (read models rebuilt), signs with the restored key,
    // and serves every evidence file the restored events name, byte for byte.
    restored = await startTestApp({ reuse: { dataDir: restoredDir } });
    const oldToken = await source.token('tester');
    const lastBefore = new Map(before.map((w) => [w.actionId, w.revision]));
    for (const action of actions) {
      const res = await restored.gqlWithAuthorization(`Bearer ${oldToken}`, EVIDENCE, { id: action.id });
      expect(res.errors).toBeUndefined();
      expect(res.data.action.revision).toBe(Math.max(...back.filter((e) => e.streamId === `action-${action.id}`).map((e) => Number(e.revision))));
      expect(res.data.action.revision).toBeGreaterThanOrEqual(lastBefore.get(action.id) ?? 0);
    }
    const named = back.map(evidenceFileNamedBy).filter((h): h is string => h !== undefined);
    expect(named.length).toBeGreaterThan(0);
    const uploads = (await restored.gql(EVIDENCE, { id: actions[4].id })).data.action.evidence;
    expect(uploads.map((e: any) => e.file.sha256).sort()).toEqual([...named].sort());
    const origin = new URL(restored.url).origin;
    for (const evidence of uploads) {
      const response = await fetch(`${origin}${evidence.file.downloadUrl}`, { headers: { authorization: `Bearer ${await restored.token('tester')}` } });
      expect(response.status).toBe(200);
      expect(sha256Of(Buffer.from(await response.arrayBuffer()))).toBe(evidence.file.sha256);
    }
    for (const write of before.filter((w) => w.kind === 'evidence')) expect(named).toContain(sha256Of(write.bytes!));
  });

  it('in the api’s own process too, keeping writes acknowledged up to the moment it is called', async () => {
    // The snapshot runs on a thread of its own, so the api goes on answering while it is taken.
    await source.gql(CREATE_PLAN, { input: planInput('backed-up-in-process') });
    const actions: { id: string; revision: number }[] = [];
    for (const ref of ['1.1', '2.1', '3.1']) actions.push((await source.gql(ADD_ACTION, { input: actionInput('backed-up-in-process', ref) })).data.addAction);
    const burst = startWriteBurst(source, actions.slice(0, 2), actions[2]);
    const dir = join(scratch, 'in-process');
    let startedAfter: number;
    try {
      await burst.reached(30);
      startedAfter = burst.acknowledged.length;
      const backup = await backUpDataDirectory(source.config, dir);
      expect(backup.evidenceMissing).toEqual([]);
      expect(burst.acknowledged.length).toBeGreaterThan(startedAfter);
    } finally {
      await burst.stop();
    }
    expect(burst.failures).toEqual([]);
    const target = join(scratch, 'in-process-restored');
    const restored = await restoreDataDirectory(loadAppConfig({ DATA_DIR: target, REMINDERS: 'off' }), dir);
    expect(restored.rebuild).toBeDefined();
    expectConsistentPrefixWith(await source.allEvents(), await eventsIn(join(target, 'events.sqlite')), burst.acknowledged.slice(0, startedAfter!));
  });

  it('refuses to back up into a folder that is not empty, and leaves it as it was', async () => {
    const refused = await runCli('backup', ['--to', backupDir], { DATA_DIR: source.dataDir, REMINDERS: 'off' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Backup refused: --to ${backupDir}: the folder is not empty`);
    const manifest = await runCli('restore', ['--from', backupDir, '--to', join(scratch, 'again')], { REMINDERS: 'off' });
    expect(manifest.code).toBe(0);
  });

  it('refuses to restore over an event store unless told to replace it', async () => {
    await restored?.close({ discard: false });
    restored = undefined;
    const refused = await runCli('restore', ['--from', backupDir, '--to', restoredDir], { REMINDERS: 'off' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Restore refused: ${join(restoredDir, 'events.sqlite')} already holds an event store; nothing was restored`);
    const replaced = await runCli('restore', ['--from', backupDir, '--to', restoredDir, '--force'], { REMINDERS: 'off' });
    expect(replaced.output).toContain('OK. The api can start on it now.');
  });
});
