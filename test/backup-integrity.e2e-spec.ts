import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backUpDataDirectory, BackupStep, BackupSummary } from '../apps/api/src/backup/back-up-data-directory';
import { BackupManifest } from '../apps/api/src/backup/backup-manifest';
import { hashFile } from '../apps/api/src/backup/hashed-copy';
import { restoreDataDirectory } from '../apps/api/src/backup/restore-data-directory';
import { loadAppConfig, remindersConfig } from '../apps/api/src/config/app-config';
import { samplePdf } from '../apps/api/src/evidence-files/sample-files.fixture';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { runCli } from './support/run-cli';
import { startTestApp } from './support/test-app';
import { sha256Of, uploadEvidence } from './support/write-burst';

jest.setTimeout(120_000);

/** The configuration `npm run restore -- --to <dir>` uses. */
const restoreConfig = (dataDir: string) => loadAppConfig({ DATA_DIR: dataDir, REMINDERS: 'off' });

const readManifest = (dir: string): BackupManifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const writeManifest = (dir: string, manifest: BackupManifest) => writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));

/** Edits the backed-up event store as someone with the file would: append-only triggers dropped, then plain SQL. */
function tamperEvents(dir: string, sql: string): void {
  const db = new Database(join(dir, 'events.sqlite'));
  db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
  db.exec(sql);
  db.close();
}

/** …and covers their tracks in the manifest. */
async function rehashInManifest(dir: string, path: string): Promise<void> {
  const manifest = readManifest(dir);
  const entry = manifest.files.find((f) => f.path === path)!;
  Object.assign(entry, await hashFile(join(dir, path)));
  writeManifest(dir, manifest);
}

describe('Backup and restore keep files and events together, and a restore checks what it brings back', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const scratch = mkdtempSync(join(tmpdir(), 'send-backup-checks-'));
  const backupDir = join(scratch, 'backup');
  let actionId: string;
  let revision: number;
  let backup: BackupSummary;
  const uploadedDuring: { step: BackupStep; sha256: string }[] = [];
  let eventsBefore: number;
  const uploadedBefore: string[] = [];

  async function upload(text: string): Promise<string> {
    const bytes = samplePdf(text);
    const { status } = await uploadEvidence(app, actionId, revision, bytes, `${text}.pdf`);
    expect(status).toBe(201);
    revision += 1;
    return sha256Of(bytes);
  }

  /** A fresh copy of the good backup, to spoil. */
  function copyOfBackup(name: string): string {
    const dir = join(scratch, name);
    cpSync(backupDir, dir, { recursive: true });
    return dir;
  }

  beforeAll(async () => {
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput('checked') });
    const added = (await app.gql(ADD_ACTION, { input: actionInput('checked', '6.1') })).data.addAction;
    actionId = added.id;
    revision = added.revision;
    uploadedBefore.push(await upload('Local offer refresh'), await upload('EHCP timeliness audit'));
    mkdirSync(join(app.dataDir, 'outbox'));
    writeFileSync(join(app.dataDir, 'outbox', 'round-opened-1.eml'), 'Subject: Updates due\r\n\r\nPlease update your actions.\r\n');
    eventsBefore = (await app.allEvents()).length;

    // Between each step and the next, another evidence file is uploaded and attached.
    const config = { ...app.config, reminders: remindersConfig({ REMINDERS: 'off' }, app.dataDir, 0) };
    backup = await backUpDataDirectory(config, backupDir, {
      onStepDone: async (step) => {
        if (step !== 'manifest') uploadedDuring.push({ step, sha256: await upload(`Uploaded after the ${step} step`) });
      },
    });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('copies evidence after the snapshot: a file uploaded in between is never named without being kept', async () => {
    expect(backup.evidenceMissing).toEqual([]);
    expect(backup.evidenceCorrupt).toEqual([]);
    // The snapshot is the store as it was when the backup began; everything after it is for the next backup.
    expect(backup.manifest.eventStore.events).toBe(eventsBefore);
    expect(backup.evidenceNamed).toBe(2);
    expect(uploadedDuring.map((u) => u.step)).toEqual(['events', 'evidence', 'signing-key', 'outbox']);

    const target = join(scratch, 'restored');
    const restored = await restoreDataDirectory(restoreConfig(target), backupDir);
    expect(restored).toMatchObject({ events: eventsBefore, evidenceMissing: [], signingKey: 'restored', outboxMails: 1 });
    expect(restored.rebuild?.events).toBe(eventsBefore);
    for (const file of backup.manifest.files.filter((f) => f.kind === 'evidence')) {
      expect((await hashFile(join(target, file.path))).sha256).toBe(file.path.slice(-64));
    }
    expect(readFileSync(join(target, 'outbox', 'round-opened-1.eml'), 'utf8')).toContain('Please update your actions.');
    expect(readFileSync(join(target, 'auth', 'local-signing-key.json'))).toEqual(readFileSync(join(app.dataDir, 'auth', 'local-signing-key.json')));
  });

  it('lists every file in the manifest with its size and hash, and leaves the read models out', () => {
    const manifest = readManifest(backupDir);
    const listed = manifest.files.map((f) => f.path).sort();
    const onDisk = readdirSync(backupDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'manifest.json')
      .map((e) => join(e.parentPath, e.name).slice(backupDir.length + 1))
      .sort();
    expect(listed).toEqual(onDisk);
    expect(listed).not.toContainEqual(expect.stringContaining('read-models'));
    expect(manifest.readModels).toBe('not included: rebuilt from the events');
    expect(manifest.eventStore.lastPosition).toBe(String(eventsBefore));
  });

  it('keeps another signing key in the target unless told to replace it', async () => {
    const target = join(scratch, 'has-a-key');
    mkdirSync(join(target, 'auth'), { recursive: true });
    writeFileSync(join(target, 'auth', 'local-signing-key.json'), '{"another":"key"}');
    await expect(restoreDataDirectory(restoreConfig(target), backupDir)).rejects.toThrow(
      `${join(target, 'auth', 'local-signing-key.json')} holds another signing key; nothing was restored. Add --force to replace it`,
    );
    expect(readdirSync(target)).toEqual(['auth']);
    const restored = await restoreDataDirectory(restoreConfig(target), backupDir, { force: true });
    expect(restored.signingKey).toBe('restored');
    expect(readFileSync(join(target, 'auth', 'local-signing-key.json'))).toEqual(readFileSync(join(app.dataDir, 'auth', 'local-signing-key.json')));
  });

  describe('refuses a damaged or incomplete backup, naming what is wrong, and writes nothing', () => {
    const refusedWithoutTrace = async (dir: string, message: RegExp) => {
      const target = join(scratch, `target-of-${dir.split('/').pop()}`);
      await expect(restoreDataDirectory(restoreConfig(target), dir)).rejects.toThrow(message);
      expect(existsSync(target)).toBe(false);
    };
    const firstEvidence = () => readManifest(backupDir).files.find((f) => f.kind === 'evidence')!;

    it('an evidence file edited', async () => {
      const dir = copyOfBackup('edited-file');
      const { path } = firstEvidence();
      writeFileSync(join(dir, path), samplePdf('Something else entirely'));
      await refusedWithoutTrace(dir, new RegExp(`does not match its manifest; nothing was restored:\\n  ${path}: content changed`));
    });

    it('an evidence file lost', async () => {
      const dir = copyOfBackup('lost-file');
      const { path } = firstEvidence();
      rmSync(join(dir, path));
      await refusedWithoutTrace(dir, new RegExp(`${path}: missing`));
    });

    it('an event edited, with the manifest made to match the edited file', async () => {
      const dir = copyOfBackup('edited-event');
      tamperEvents(dir, `UPDATE events SET data = replace(data, 'Local offer refresh', 'Local offer withdrawn') WHERE type = 'EvidenceAttached'`);
      await rehashInManifest(dir, 'events.sqlite');
      await refusedWithoutTrace(dir, /The backed-up events do not verify; nothing was restored\. BROKEN \(EDITED\) at position \d+, stream action-/);
    });

    it('an event edited, the manifest left alone', async () => {
      const dir = copyOfBackup('edited-event-only');
      tamperEvents(dir, `UPDATE events SET data = replace(data, 'Local offer refresh', 'Local offer withdrawn') WHERE type = 'EvidenceAttached'`);
      await refusedWithoutTrace(dir, /events\.sqlite: content changed/);
    });

    it('the newest events cut off, the manifest made to match the file', async () => {
      const dir = copyOfBackup('cut-off');
      tamperEvents(dir, 'DELETE FROM events WHERE position = (SELECT MAX(position) FROM events)');
      await rehashInManifest(dir, 'events.sqlite');
      await refusedWithoutTrace(dir, new RegExp(`not the ones the manifest describes; nothing was restored: found ${eventsBefore - 1} events`));
    });

    it('an evidence file the events name left out, manifest and all', async () => {
      const dir = copyOfBackup('incomplete');
      const manifest = readManifest(dir);
      const left = manifest.files.find((f) => f.sha256 === uploadedBefore[1])!;
      rmSync(join(dir, left.path));
      manifest.files = manifest.files.filter((f) => f !== left);
      writeManifest(dir, manifest);
      await refusedWithoutTrace(dir, new RegExp(`The backup is incomplete: its events name 1 evidence file it does not hold \\(${left.sha256}\\)`));
    });

    it('a manifest that points outside the backup', async () => {
      const dir = copyOfBackup('escaping');
      const manifest = readManifest(dir);
      manifest.files.find((f) => f.kind === 'outbox')!.path = 'outbox/../../../etc/cron.d/evil';
      writeManifest(dir, manifest);
      await refusedWithoutTrace(dir, /manifest\.json: files\[\d+\]\.path must be where the backup keeps outbox files, got "outbox\/\.\.\/\.\.\/\.\.\/etc\/cron\.d\/evil"/);
    });

    it('a folder without a manifest', async () => {
      const dir = copyOfBackup('unfinished');
      rmSync(join(dir, 'manifest.json'));
      await refusedWithoutTrace(dir, /has no manifest\.json: it is not a backup, or a backup that did not finish/);
    });

    it('says so on the command line, with exit code 1', async () => {
      const dir = copyOfBackup('edited-file-cli');
      const { path } = firstEvidence();
      writeFileSync(join(dir, path), 'not the evidence');
      const target = join(scratch, 'cli-target');
      const refused = await runCli('restore', ['--from', dir, '--to', target], { REMINDERS: 'off' });
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(`Restore refused: The backup does not match its manifest; nothing was restored:\n  ${path}: content changed`);
      expect(existsSync(target)).toBe(false);
    });
  });

  it('backs up a data directory that lost evidence files, says so with exit code 2, and a restore carries the warning', async () => {
    // Last in this file: it damages the running api's own evidence folder.
    const [lost, damaged] = uploadedBefore;
    rmSync(join(app.dataDir, 'evidence-files', lost.slice(0, 2), lost.slice(2, 4), lost));
    writeFileSync(join(app.dataDir, 'evidence-files', damaged.slice(0, 2), damaged.slice(2, 4), damaged), 'overwritten');
    const cli = await runCli('backup', ['--to', join(scratch, 'from-damaged')], { DATA_DIR: app.dataDir, REMINDERS: 'off' });
    expect(cli.code).toBe(2);
    expect(cli.output).toContain(`WARNING: evidence file ${damaged} in the data directory no longer matches its hash; copied as it is`);
    expect(cli.output).toContain(`WARNING: 2 evidence files the events name could not be copied whole: ${[lost, damaged].sort().join(', ')}`);
    expect(readManifest(join(scratch, 'from-damaged')).evidenceMissing).toEqual([lost, damaged].sort());

    const restored = await restoreDataDirectory(restoreConfig(join(scratch, 'restored-from-damaged')), join(scratch, 'from-damaged'));
    expect(restored.evidenceMissing.sort()).toEqual([lost, damaged].sort());
    expect(restored.rebuild).toBeDefined();
  });

  it('refuses to back up a store whose hash chain is broken, saying where, and leaves nothing behind', async () => {
    const dataDir = join(scratch, 'restored');
    tamperEvents(dataDir, `UPDATE events SET data = replace(data, 'EHCP timeliness', 'EHCP lateness') WHERE type = 'EvidenceAttached'`);
    const target = join(scratch, 'from-broken');
    await expect(backUpDataDirectory(restoreConfig(dataDir), target)).rejects.toThrow(
      /The event store's hash chain is broken at position \d+ \(EDITED\): .* A backup of it would not restore; run npm run verify\./,
    );
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to restore a backup onto itself', async () => {
    await expect(restoreDataDirectory(restoreConfig(backupDir), backupDir)).rejects.toThrow(`--to ${backupDir}: that is the backup folder itself; restore into another folder`);
  });

  it('refuses an unknown option with the usage', async () => {
    const refused = await runCli('restore', ['--from', backupDir, '--into', join(scratch, 'x')], { REMINDERS: 'off' });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Restore refused: Unknown option '--into'");
    expect(refused.output).toContain('Usage: npm run restore -- --from <backup folder> [--to <data directory>] [--force]');
  });
});
