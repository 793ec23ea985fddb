import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore, verifyEventStore } from '@send/event-store';
import { backUpDataDirectory } from '../apps/api/src/backup/back-up-data-directory';
import { BackupManifest } from '../apps/api/src/backup/backup-manifest';
import { hashFile } from '../apps/api/src/backup/hashed-copy';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { runCli } from './support/run-cli';
import { startTestApp } from './support/test-app';

jest.setTimeout(180_000);

/** Edits a store as someone with the file would: append-only triggers dropped, then plain SQL. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
  db.exec(sql);
  db.close();
}

async function openStore<T>(file: string, read: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = new SqliteEventStore({ filename: file, backgroundCheckpoints: false });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const REASON = 'History check found action 6.1 edited on disk; restoring the backup of the night before';
const recover = (from: string, current: string, to: string, reason = REASON) =>
  runCli('recover', ['--from', from, '--current', current, '--to', to, '--reason', reason], { REMINDERS: 'off' });

/**
 * "Restore from a backup that verifies, compare, and record the incident": a real data directory
 * is backed up, written to, then edited on disk; `npm run recover` runs as the operator would run it.
 */
describe('npm run recover after a break in the history', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'send-recover-'));
  const backupDir = join(scratch, 'backup');
  const target = join(scratch, 'recovered');
  let currentDir: string;
  let currentStore: string;
  let manifest: BackupManifest;
  let editedActionId: string;
  let since: RecordedEvent[];
  let editedPosition: bigint;
  let run: { code: number; output: string };
  let currentBefore: string;

  beforeAll(async () => {
    const source = await startTestApp();
    currentDir = source.dataDir;
    currentStore = join(currentDir, 'events.sqlite');
    await source.gql(CREATE_PLAN, { input: planInput('recovered') });
    const edited = (await source.gql(ADD_ACTION, { input: actionInput('recovered', '6.1', { title: 'Publish the local offer refresh' }) })).data.addAction;
    editedActionId = edited.id;
    await source.gql(ADD_ACTION, { input: actionInput('recovered', '6.2') });
    await backUpDataDirectory(source.config, backupDir);
    manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));

    // Written after the backup: not in it, so the report must list them to re-enter.
    await source.gql(ADD_ACTION, { input: actionInput('recovered', '7.1') });
    await source.gql(change('reportProgress', 'ReportProgressInput'), {
      input: { actionId: editedActionId, expectedRevision: edited.revision, rag: 'AMBER', commentary: 'Consultation slipped a fortnight', asAt: '2026-06-15' },
    });
    const all = await source.allEvents();
    since = all.filter((e) => e.position > BigInt(manifest.eventStore.lastPosition!));
    editedPosition = all.find((e) => e.type === 'ActionAdded' && e.streamId === `action-${editedActionId}`)!.position;
    await source.close({ discard: false });

    tamper(currentStore, `UPDATE events SET data = json_set(data, '$.title', 'Local offer refresh cancelled') WHERE position = ${editedPosition}`);
    currentBefore = (await hashFile(currentStore)).sha256;
    run = await recover(backupDir, currentDir, target);
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('restores the backup, names the break, and ends with a summary and the next steps', () => {
    expect(run.output).toContain(`BROKEN (EDITED) at position ${editedPosition}`);
    expect(run.output).toContain(`compared:        1 edited, 0 deleted, 0 reordered, 0 inserted, ${since.length} written since the backup`);
    expect(run.output).toContain(`EDITED: position ${editedPosition}, ActionAdded in action-${editedActionId}, revision 0 (data)`);
    expect(run.output).toContain(`read models:     none: the api builds them in ${join(target, 'read-models.sqlite')} from the restored history as it starts`);
    expect(run.output).toMatch(new RegExp(String.raw`Next steps:\n  1\. Start the api on the restored folder: DATA_DIR=.*\n  2\. Open the History check.*\n  3\. Re-enter the ${since.length} events listed under "Written since the backup".*\n  4\. Keep .*incident-\d{4}-\d\d-\d\d\.md`));
    expect(run.code).toBe(0);
  });

  it('leaves a history that verifies, ending in the restore recorded as HistoryRestored by the operator', async () => {
    const store = join(target, 'events.sqlite');
    const verification = await openStore(store, (s) => verifyEventStore(s));
    expect(verification).toMatchObject({ ok: true, eventsChecked: manifest.eventStore.events + 1 });
    const events = await openStore(store, (s) => s.readAll());
    const restored = events[events.length - 1];
    expect(restored.streamId).toMatch(/^history-restore-[0-9a-f-]{36}$/);
    expect(restored).toMatchObject({
      type: 'HistoryRestored',
      metadata: { schemaVersion: 1, actor: { userId: 'operator', role: 'SYSTEM' } },
      data: {
        reason: REASON,
        backupHead: `${manifest.eventStore.lastPosition}:${manifest.eventStore.chainHead}`,
        backupTakenAt: manifest.takenAt,
        currentBreak: { kind: 'EDITED', position: String(editedPosition) },
        comparison: { edited: 1, deleted: 0, reordered: 0, inserted: 0, writtenSince: since.length },
        restoredBy: 'operator',
      },
    });
    // The edited event is back as it was recorded; what was written since is not there.
    expect(events.find((e) => e.position === editedPosition)!.data).toMatchObject({ title: 'Publish the local offer refresh' });
    expect(events.map((e) => e.id)).not.toEqual(expect.arrayContaining([since[0].id]));
    const verify = await runCli('verify-history', [], { DATA_DIR: target });
    expect(verify.output).toContain('OK: both hash chains hold');
  });

  it('writes the incident report beside it, naming the edited event and every event written since the backup', () => {
    const files = readdirSync(target).filter((f) => f.startsWith('incident-'));
    expect(files).toEqual([expect.stringMatching(/^incident-\d{4}-\d\d-\d\d\.json$/), expect.stringMatching(/^incident-\d{4}-\d\d-\d\d\.md$/)]);
    const markdown = readFileSync(join(target, files[1]), 'utf8');
    expect(markdown).toContain(`**First break: EDITED at position ${editedPosition}**, stream action-${editedActionId}, revision 0.`);
    expect(markdown).toContain(`- Position ${editedPosition}: ActionAdded in action-${editedActionId}, revision 0`);
    expect(markdown).toContain('  - title: was "Publish the local offer refresh", now "Local offer refresh cancelled"');
    expect(markdown).toContain(`- **Reason given:** ${REASON}`);
    expect(markdown).toMatch(/- \*\*Recovered:\*\* \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d:\d\d \(UK time\) by Operator \(command line\)/);
    expect(markdown).toContain(`### Written since the backup (${since.length})`);
    since.forEach((event, i) => {
      expect(markdown).toMatch(new RegExp(`\\| ${i + 1} \\| ${event.position} \\| \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{1,2}:\\d\\d[ap]m \\| ${event.streamId} \\| ${event.revision} \\| ${event.type} \\| [^|]+ \\(tester, [A-Z_]+\\) \\| at or after the break \\|`));
    });
    const json = JSON.parse(readFileSync(join(target, files[0]), 'utf8'));
    expect(json.comparison.writtenSince.map((e: { eventId: string }) => e.eventId)).toEqual(since.map((e) => e.id));
    expect(json.comparison.edited).toEqual([expect.objectContaining({ eventId: expect.any(String), position: String(editedPosition), parts: ['data'] })]);
  });

  it('only read the broken data directory, and left no read database in the target', async () => {
    expect((await hashFile(currentStore)).sha256).toBe(currentBefore);
    expect(existsSync(join(target, 'read-models.sqlite'))).toBe(false);
  });

  it('refuses a target that is not empty, with exit code 3, and changes nothing', async () => {
    const full = join(scratch, 'not-empty');
    mkdirSync(full);
    writeFileSync(join(full, 'notes.txt'), 'keep me');
    const refused = await recover(backupDir, currentDir, full);
    expect(refused.output).toContain(`Recovery refused: --to ${full} is not empty; nothing was restored`);
    expect(refused.code).toBe(3);
    expect(readdirSync(full)).toEqual(['notes.txt']);
  });

  it('refuses a backup whose history does not verify, with exit code 4, and writes nothing', async () => {
    const spoilt = join(scratch, 'spoilt-backup');
    cpSync(backupDir, spoilt, { recursive: true });
    tamper(join(spoilt, 'events.sqlite'), `UPDATE events SET data = json_set(data, '$.title', 'Forged') WHERE position = ${editedPosition}`);
    const spoiltManifest: BackupManifest = JSON.parse(readFileSync(join(spoilt, 'manifest.json'), 'utf8'));
    Object.assign(spoiltManifest.files.find((f) => f.path === 'events.sqlite')!, await hashFile(join(spoilt, 'events.sqlite')));
    writeFileSync(join(spoilt, 'manifest.json'), JSON.stringify(spoiltManifest, null, 2));
    const to = join(scratch, 'from-spoilt');
    const refused = await recover(spoilt, currentDir, to);
    expect(refused.output).toContain(`Recovery refused: The backed-up events do not verify; nothing was restored. BROKEN (EDITED) at position ${editedPosition}`);
    expect(refused.code).toBe(4);
    expect(existsSync(to)).toBe(false);
  });

  it('refuses a blank reason before anything is written', async () => {
    const to = join(scratch, 'no-reason');
    const refused = await recover(backupDir, currentDir, to, ' \u200b ');
    expect(refused.output).toContain('Recovery refused: --reason: reason is required and must not be blank');
    expect(refused.code).toBe(1);
    expect(existsSync(to)).toBe(false);
  });

  it('the api started on the target rebuilds its read models from the restored history and answers', async () => {
    const app = await startTestApp({ reuse: { dataDir: target } });
    try {
      const answer = await app.gql(`query ($id: ID!) { action(id: $id) { ref title revision } }`, { id: editedActionId });
      expect(answer.errors).toBeUndefined();
      // Added with a milestone (revisions 0 and 1); the progress reported after the backup is not there.
      expect(answer.data.action).toEqual({ ref: '6.1', title: 'Publish the local offer refresh', revision: 1 });
      // The History check: the restored history holds, up to the head the report gave.
      const report = JSON.parse(readFileSync(join(target, readdirSync(target).find((f) => /^incident-.*\.json$/.test(f))!), 'utf8'));
      const check = await app.gql(`query { verifyHistory(planId: "recovered", full: true) { ok head { position hash } firstBreak { kind } } }`);
      expect(check.errors).toBeUndefined();
      expect(check.data.verifyHistory).toMatchObject({ ok: true, firstBreak: null });
      expect(BigInt(check.data.verifyHistory.head.position)).toBeGreaterThanOrEqual(BigInt(report.restored.head.split(':')[0]));
      // 7.1 was added after the backup: it waits to be re-entered.
      const listed = await app.gql(`{ actions(planId: "recovered") { totalCount edges { node { ref } } } }`);
      expect(listed.errors).toBeUndefined();
      expect(listed.data.actions.edges.map((e: { node: { ref: string } }) => e.node.ref).sort()).toEqual(['6.1', '6.2']);
    } finally {
      await app.close({ discard: false });
    }
  });
});
