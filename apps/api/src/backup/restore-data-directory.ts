import { existsSync } from 'node:fs';
import { mkdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { SqliteEventStore, upcastOnRead } from '@send/event-store';
import { rebuildReadModels, RebuildSummary } from '@send/read-models';
import { AppConfig } from '../config/app-config';
import { BackedUpFile, BackupManifest, readManifest } from './backup-manifest';
import { BackupError } from './backup.errors';
import { verifyNamingEvidence } from './evidence-reference';
import { copyHashed, hashFile } from './hashed-copy';
import { embeddedStoreOnly } from './embedded-store-only';
import { currentVersionOf } from '@send/domain';

export interface RestoreOptions {
  /** Replace an event store the target already holds (the api must be stopped). */
  force?: boolean;
  /**
   * Rebuild the read models from the restored events (the default). `npm run recover` does not:
   * it appends to the restored history first and leaves no read database, so the api builds them
   * from the verified history as it starts.
   */
  rebuild?: boolean;
  onProgress?(line: string): void;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  eventStore: string;
  events: number;
  evidenceFiles: number;
  /** Files the events name that were already missing when the backup was taken (BackupManifest.evidenceMissing). */
  evidenceMissing: string[];
  signingKey: 'restored' | 'not in the backup' | 'not used (AUTH_MODE=oidc)';
  outboxMails: number;
  rebuild?: RebuildSummary;
  /** Why the read models could not be rebuilt; the api builds them when it starts. */
  rebuildError?: string;
  elapsedMs: number;
}

const sidecars = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

/**
 * Brings a backup back into a data directory. Nothing is written until the backup has been
 * checked: every file against the manifest (size and SHA-256), the events' hash chains, the event
 * count and chain head against the manifest, and every evidence file an event names against the
 * files backed up. Then evidence, key and outbox are put in place before the event store (files
 * before the events that name them, as the api does), and the read models are rebuilt from the
 * events so the api starts ready.
 */
export async function restoreDataDirectory(config: AppConfig, backupDir: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  if (config.eventStore.type !== 'sqlite') {
    throw new BackupError(embeddedStoreOnly(config.eventStore.type, 'restore'));
  }
  const from = resolve(backupDir);
  if (from === resolve(config.dataDir)) throw new BackupError(`--to ${config.dataDir}: that is the backup folder itself; restore into another folder`);
  const manifest = await readManifest(from);
  const target = config.eventStore.filename;
  if (!options.force && sidecars(target).some((file) => existsSync(file))) {
    throw new BackupError(`${target} already holds an event store; nothing was restored. Restore into an empty data directory (--to), or stop the api and add --force to replace it`);
  }
  const keyFile = config.auth.mode === 'local' ? config.auth.keyFile : undefined;
  const backedUpKey = manifest.files.find((f) => f.kind === 'signing-key');
  if (!options.force && keyFile && backedUpKey && existsSync(keyFile) && (await hashFile(keyFile)).sha256 !== backedUpKey.sha256) {
    throw new BackupError(`${keyFile} holds another signing key; nothing was restored. Add --force to replace it with the backed-up key (tokens signed by the current key stop working)`);
  }

  progress(`Checking the ${manifest.files.length} files of ${from} against its manifest…`);
  await checkAgainstManifest(from, manifest.files.filter((f) => f.kind !== 'event-store'), progress);

  progress(`Copying and checking the event store (${manifest.eventStore.events} events)…`);
  const staged = `${target}.restoring`;
  for (const file of sidecars(staged)) await rm(file, { force: true });
  const named = new Set<string>();
  const folderExisted = existsSync(dirname(staged));
  // A refused backup leaves the target as it found it.
  const discardStaged = async () => {
    for (const file of sidecars(staged)) await rm(file, { force: true });
    if (!folderExisted) await rmdir(dirname(staged)).catch(() => undefined);
  };
  try {
    await checkEventStore(from, manifest, staged, named);
  } catch (error) {
    await discardStaged();
    throw error;
  }

  const evidence = manifest.files.filter((f) => f.kind === 'evidence');
  const backedUp = new Set(evidence.map((f) => f.sha256));
  const absent = [...named].filter((sha256) => !backedUp.has(sha256));
  const unexplained = absent.filter((sha256) => !manifest.evidenceMissing.includes(sha256));
  if (unexplained.length > 0) {
    await discardStaged();
    throw new BackupError(
      `The backup is incomplete: its events name ${unexplained.length} evidence file${unexplained.length === 1 ? '' : 's'} it does not hold (${unexplained.slice(0, 3).join(', ')}${unexplained.length > 3 ? ', …' : ''}); nothing was restored`,
    );
  }

  progress(`Putting ${evidence.length} evidence files in ${config.evidenceFiles.dir}…`);
  let shown = Date.now();
  for (const [i, file] of evidence.entries()) {
    await putInPlace(from, file, join(config.evidenceFiles.dir, ...file.path.split('/').slice(1)));
    if (Date.now() - shown >= 1000) {
      shown = Date.now();
      progress(`  ${i + 1}/${evidence.length} evidence files in place`);
    }
  }
  let signingKey: RestoreSummary['signingKey'] = 'not in the backup';
  if (!keyFile) signingKey = 'not used (AUTH_MODE=oidc)';
  else if (backedUpKey) {
    await putInPlace(from, backedUpKey, keyFile, 0o600);
    signingKey = 'restored';
  }
  const outboxDir = config.reminders?.transport.type === 'folder' ? config.reminders.transport.dir : undefined;
  const mails = manifest.files.filter((f) => f.kind === 'outbox');
  if (outboxDir) for (const mail of mails) await putInPlace(from, mail, join(outboxDir, mail.path.split('/')[1]));

  // The event store goes in last: until it is there, the folder does not look like a deployment.
  for (const file of sidecars(target)) await rm(file, { force: true });
  await rename(staged, target);
  progress(`Event store in place: ${target}`);

  const summary: RestoreSummary = {
    manifest,
    eventStore: target,
    events: manifest.eventStore.events,
    evidenceFiles: evidence.length,
    evidenceMissing: absent,
    signingKey,
    outboxMails: outboxDir ? mails.length : 0,
    elapsedMs: 0,
  };
  if (options.rebuild !== false) {
    try {
      summary.rebuild = await rebuildFromEventStore(config, target, progress);
    } catch (error) {
      summary.rebuildError = error instanceof Error ? error.message : String(error);
    }
  }
  summary.elapsedMs = Date.now() - started;
  return summary;
}

async function checkAgainstManifest(from: string, files: BackedUpFile[], progress: (line: string) => void): Promise<void> {
  const problems: string[] = [];
  let shown = Date.now();
  for (const [i, file] of files.entries()) {
    const path = join(from, ...file.path.split('/'));
    const found = await stat(path).catch(() => undefined);
    if (!found?.isFile()) problems.push(`${file.path}: missing`);
    else {
      const actual = await hashFile(path);
      if (actual.size !== file.size || actual.sha256 !== file.sha256) {
        problems.push(`${file.path}: content changed (${actual.size} bytes, SHA-256 ${actual.sha256}; the manifest says ${file.size} bytes, ${file.sha256})`);
      }
    }
    if (Date.now() - shown >= 1000) {
      shown = Date.now();
      progress(`  ${i + 1}/${files.length} files checked`);
    }
  }
  if (problems.length > 0) {
    const shownProblems = problems.slice(0, 10).map((p) => `  ${p}`);
    if (problems.length > 10) shownProblems.push(`  … and ${problems.length - 10} more`);
    throw new BackupError(`The backup does not match its manifest; nothing was restored:\n${shownProblems.join('\n')}`);
  }
}

/** Copies the event store to `staged`, and checks the copy's bytes, its hash chains and its head against the manifest. */
async function checkEventStore(from: string, manifest: BackupManifest, staged: string, named: Set<string>): Promise<void> {
  const entry = manifest.files.find((f) => f.path === manifest.eventStore.file)!;
  await mkdir(dirname(staged), { recursive: true });
  const copied = await copyHashed(join(from, entry.path), staged);
  if (copied.size !== entry.size || copied.sha256 !== entry.sha256) {
    throw new BackupError(
      `The backup does not match its manifest; nothing was restored:\n  ${entry.path}: content changed (${copied.size} bytes, SHA-256 ${copied.sha256}; the manifest says ${entry.size} bytes, ${entry.sha256})`,
    );
  }
  const verification = await verifyNamingEvidence(staged, named);
  if (!verification.ok) {
    const found = verification.firstBreak!;
    throw new BackupError(
      `The backed-up events do not verify; nothing was restored. BROKEN (${found.kind}) at position ${found.position}` +
        `${found.streamId ? `, stream ${found.streamId}, revision ${found.revision}` : ''}: ${found.message}`,
    );
  }
  const { events, lastPosition, chainHead } = manifest.eventStore;
  const head = verification.head;
  if (verification.eventsChecked !== events || (head ? String(head.position) : null) !== lastPosition || (head?.hash ?? null) !== chainHead) {
    throw new BackupError(
      `The backed-up events are not the ones the manifest describes; nothing was restored: found ${verification.eventsChecked} events up to ` +
        `${head ? `${head.position}:${head.hash}` : 'nothing'}, the manifest says ${events} up to ${lastPosition ?? 'nothing'}:${chainHead ?? ''}`,
    );
  }
}

/** Copies a checked file into the data directory, checking the bytes again as they are copied. */
async function putInPlace(from: string, file: BackedUpFile, destination: string, mode?: number): Promise<void> {
  const copied = await copyHashed(join(from, ...file.path.split('/')), destination, mode);
  if (copied.sha256 !== file.sha256) throw new BackupError(`${file.path} changed while it was being restored; run the restore again`);
}

/** Drops the read models the configuration names and replays the SQLite event store `eventStore` into them. */
export async function rebuildFromEventStore(config: AppConfig, eventStore: string, progress: (line: string) => void): Promise<RebuildSummary> {
  if (config.readDatabase.type === 'sqlite') await mkdir(dirname(config.readDatabase.filename), { recursive: true });
  const where = config.readDatabase.type === 'sqlite' ? config.readDatabase.filename : 'PostgreSQL (READ_DATABASE_URL)';
  progress(`Rebuilding the read models in ${where}…`);
  const store = upcastOnRead(new SqliteEventStore({ filename: eventStore, backgroundCheckpoints: false }), currentVersionOf);
  let shown = 0;
  try {
    return await rebuildReadModels(store, config.readDatabase, ({ events, total, elapsedMs }) => {
      if (elapsedMs - shown < 1000) return;
      shown = elapsedMs;
      progress(`  ${events} of ${total} events replayed, ${(elapsedMs / 1000).toFixed(1)} s`);
    });
  } finally {
    await store.close();
  }
}
