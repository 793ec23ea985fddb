import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { snapshotSqliteFile } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { BackedUpFile, BackupManifest, MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_VERSION } from './backup-manifest';
import { BackupError } from './backup.errors';
import { verifyNamingEvidence } from './evidence-reference';
import { copyHashed, hashFile } from './hashed-copy';
import { embeddedStoreOnly } from './embedded-store-only';

export type BackupStep = 'events' | 'evidence' | 'signing-key' | 'outbox' | 'manifest';

export interface BackupOptions {
  /** Lines to show while a long step runs (at most about one a second). */
  onProgress?(line: string): void;
  /** Told as each step finishes, with a line saying what it did; the backup waits for it before the next step. */
  onStepDone?(step: BackupStep, line: string): void | Promise<void>;
}

export interface BackupSummary {
  dir: string;
  manifest: BackupManifest;
  evidenceFiles: number;
  evidenceBytes: number;
  /** Distinct files the snapshot's events name. */
  evidenceNamed: number;
  /** Files named by events that could not be copied whole; see BackupManifest.evidenceMissing. */
  evidenceMissing: string[];
  /** Files in the evidence folder whose content no longer matches the hash they are stored under. */
  evidenceCorrupt: string[];
  signingKey: boolean;
  outboxMails: number;
  elapsedMs: number;
}

const SHA256 = /^[0-9a-f]{64}$/;
const MB = 1024 * 1024;

/**
 * Backs up the embedded deployment while the api runs: the event store as one consistent
 * snapshot, then the evidence files, the local signing key and the mail outbox, then a manifest.
 * The order is the point: the api stores an evidence file before it appends the event that names
 * it, so every file an event in the snapshot names was already on disk when the snapshot was
 * taken, and is there to copy afterwards. (Copied the other way round, a file uploaded between
 * the two copies would be named by the snapshot and missing from the backup.) Read models are
 * left out: a restore rebuilds them from the events.
 */
export async function backUpDataDirectory(config: AppConfig, targetDir: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const started = Date.now();
  if (config.eventStore.type !== 'sqlite') {
    throw new BackupError(embeddedStoreOnly(config.eventStore.type, 'back up'));
  }
  const source = config.eventStore.filename;
  if (!existsSync(source)) throw new BackupError(`There is no event store at ${source} (set DATA_DIR or EVENT_STORE_SQLITE_FILE)`);
  const dir = resolve(targetDir);
  const created = await prepareEmptyTarget(dir);
  try {
    return await backUp(config, source, dir, options, started);
  } catch (error) {
    // A failed backup leaves nothing that could be mistaken for one.
    if (created) await rm(dir, { recursive: true, force: true });
    else for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
    throw error;
  }
}

/** Refuses a folder that holds anything; answers whether it had to be created. */
async function prepareEmptyTarget(dir: string): Promise<boolean> {
  if (existsSync(dir)) {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch (error) {
      throw new BackupError(`--to ${dir}: cannot be read as a folder (${(error as NodeJS.ErrnoException).code})`);
    }
    if (entries.length > 0) throw new BackupError(`--to ${dir}: the folder is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); back up into a new or empty folder`);
    return false;
  }
  await mkdir(dir, { recursive: true });
  return true;
}

async function backUp(config: AppConfig, source: string, dir: string, options: BackupOptions, started: number): Promise<BackupSummary> {
  const progress = options.onProgress ?? (() => undefined);
  const stepDone = async (step: BackupStep, line: string) => options.onStepDone?.(step, line);
  const files: BackedUpFile[] = [];

  progress(`Taking a snapshot of the event store ${source}…`);
  const takenAt = new Date().toISOString();
  const snapshot = join(dir, 'events.sqlite');
  await snapshotSqliteFile(source, snapshot);
  const named = new Set<string>();
  const verification = await verifyNamingEvidence(snapshot, named);
  if (!verification.ok) {
    const found = verification.firstBreak!;
    throw new BackupError(`The event store's hash chain is broken at position ${found.position} (${found.kind}): ${found.message} A backup of it would not restore; run npm run verify.`);
  }
  files.push({ path: 'events.sqlite', kind: 'event-store', ...(await hashFile(snapshot)) });
  const head = verification.head;
  await stepDone('events', `Event store: ${verification.eventsChecked} events in ${verification.streamsChecked} streams, up to position ${head?.position ?? '-'}, chain head ${head?.hash ?? '-'} (verified)`);

  const evidence = await copyEvidence(config.evidenceFiles.dir, dir, progress);
  files.push(...evidence.files);
  const whole = new Set(evidence.files.map((f) => f.sha256));
  const evidenceMissing = [...named].filter((sha256) => !whole.has(sha256)).sort();
  const evidenceBytes = evidence.files.reduce((sum, f) => sum + f.size, 0);
  await stepDone('evidence', `Evidence files: ${evidence.files.length} (${(evidenceBytes / MB).toFixed(1)} MB); events name ${named.size}, ${evidenceMissing.length === 0 ? 'all copied' : `${evidenceMissing.length} MISSING`}`);

  let signingKey = false;
  if (config.auth.mode === 'local' && existsSync(config.auth.keyFile)) {
    files.push({ path: 'auth/local-signing-key.json', kind: 'signing-key', ...(await copyHashed(config.auth.keyFile, join(dir, 'auth', 'local-signing-key.json'), 0o600)) });
    signingKey = true;
  }
  await stepDone('signing-key', signingKey ? 'Local signing key: copied (keep this backup as secret as the key)' : `Local signing key: none (${config.auth.mode === 'local' ? 'not created yet' : 'AUTH_MODE=oidc'})`);

  let outboxMails = 0;
  const outbox = config.reminders?.transport.type === 'folder' ? config.reminders.transport.dir : undefined;
  if (outbox) {
    for (const name of await filesIn(outbox)) {
      if (name.endsWith('.partial') || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) continue;
      files.push({ path: `outbox/${name}`, kind: 'outbox', ...(await copyHashed(join(outbox, name), join(dir, 'outbox', name))) });
      outboxMails += 1;
    }
  }
  await stepDone('outbox', outbox ? `Mail outbox: ${outboxMails} mails` : 'Mail outbox: none (mail goes over SMTP)');

  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    takenAt,
    source: { dataDir: config.dataDir, eventStore: source, host: hostname() },
    eventStore: { file: 'events.sqlite', events: verification.eventsChecked, lastPosition: head ? String(head.position) : null, chainHead: head?.hash ?? null },
    evidenceMissing,
    readModels: 'not included: rebuilt from the events',
    files,
  };
  // Written last and renamed into place: a folder with a manifest holds a finished backup.
  await writeFile(join(dir, `${MANIFEST_FILE}.partial`), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(join(dir, `${MANIFEST_FILE}.partial`), join(dir, MANIFEST_FILE));
  await stepDone('manifest', `Manifest: ${files.length} files listed with their sizes and SHA-256`);

  return {
    dir,
    manifest,
    evidenceFiles: evidence.files.length,
    evidenceBytes,
    evidenceNamed: named.size,
    evidenceMissing,
    evidenceCorrupt: evidence.corrupt,
    signingKey,
    outboxMails,
    elapsedMs: Date.now() - started,
  };
}

/**
 * Copies every stored evidence file (`ab/cd/<sha256>`), hashing each as it goes; uploads in
 * progress (`incoming/`, `tmp/`) are not evidence yet. A file whose content no longer matches its
 * name is copied as it is but reported, and does not count as a copy of that hash.
 */
async function copyEvidence(evidenceDir: string, backupDir: string, progress: (line: string) => void): Promise<{ files: BackedUpFile[]; corrupt: string[] }> {
  const files: BackedUpFile[] = [];
  const corrupt: string[] = [];
  const stored = (await filesUnder(evidenceDir)).filter((path) => {
    const [first, second, name, ...rest] = path.split(sep);
    return rest.length === 0 && SHA256.test(name ?? '') && first === name.slice(0, 2) && second === name.slice(2, 4);
  });
  progress(`Copying ${stored.length} evidence files from ${evidenceDir}…`);
  let shown = Date.now();
  let bytes = 0;
  for (const [i, path] of stored.entries()) {
    const name = path.split(sep)[2];
    const copied = await copyHashed(join(evidenceDir, path), join(backupDir, 'evidence-files', ...path.split(sep)));
    files.push({ path: `evidence-files/${path.split(sep).join('/')}`, kind: 'evidence', ...copied });
    if (copied.sha256 !== name) corrupt.push(name);
    bytes += copied.size;
    if (Date.now() - shown >= 1000) {
      shown = Date.now();
      progress(`  ${i + 1}/${stored.length} evidence files copied (${(bytes / MB).toFixed(1)} MB)`);
    }
  }
  return { files, corrupt };
}

async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
