import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { DomainError, historyRestoreDecider, historyRestoreStream, londonDateOf, RecordHistoryRestore, schemaVersionOf } from '@send/domain';
import { ChainVerification, handleCommand, RecordedEvent, snapshotSqliteFile, SqliteEventStore, verifyEventStore } from '@send/event-store';
import { AppConfig } from '../config/app-config';
import { readManifest } from './backup-manifest';
import { BackupError } from './backup.errors';
import { changesBetween, compareHistories, digestOf, EventDigest, HistoryComparison } from './compare-histories';
import { IncidentReport, incidentReportMarkdown } from './incident-report';
import { rebuildFromEventStore, restoreDataDirectory, RestoreSummary } from './restore-data-directory';
import { embeddedStoreOnly } from './embedded-store-only';

/** Who a recovery is recorded as: the same operator identity as the other command-line tools. */
export const OPERATOR = { userId: 'operator', displayName: 'Operator (command line)', role: 'SYSTEM' };

/** Why a recovery was refused before anything was written: the target, the backup, or what was asked. */
export type RefusedBecause = 'target' | 'backup' | 'input';

export class RecoveryRefusedError extends BackupError {
  constructor(
    readonly because: RefusedBecause,
    message: string,
  ) {
    super(message);
  }
}

export interface RecoveryRequest {
  backupDir: string;
  /** The data directory whose history broke; only read, never written. */
  currentDataDir: string;
  reason: string;
  /** The configuration of the target: DATA_DIR is the empty folder to restore into. */
  target: AppConfig;
  /** The configuration the broken data directory was run with. */
  current: AppConfig;
  onProgress?(line: string): void;
  now?(): string;
}

export interface RecoverySummary {
  report: IncidentReport;
  restore: RestoreSummary;
  reportFiles: { markdown: string; json: string };
  elapsedMs: number;
}

const sidecars = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

function refuseUnlessEmpty(request: RecoveryRequest): void {
  const to = resolve(request.target.dataDir);
  if (to === resolve(request.currentDataDir)) throw new RecoveryRefusedError('target', `--to ${to} is the data directory that broke; restore into a new, empty folder and keep that one as it is`);
  if (existsSync(to) && readdirSync(to).length > 0) {
    throw new RecoveryRefusedError('target', `--to ${to} is not empty; nothing was restored. Give a new or empty folder for the restored data and the incident report`);
  }
  const store = request.target.eventStore;
  if (store.type !== 'sqlite') throw new RecoveryRefusedError('input', embeddedStoreOnly(store.type, 'recover'));
  if (sidecars(store.filename).some((file) => existsSync(file))) {
    throw new RecoveryRefusedError('target', `${store.filename} already holds an event store (EVENT_STORE_SQLITE_FILE); nothing was restored. Unset it, or point it at a file that does not exist yet`);
  }
  const read = request.target.readDatabase;
  if (read.type === 'sqlite' && sidecars(read.filename).some((file) => existsSync(file))) {
    throw new RecoveryRefusedError('target', `${read.filename} already holds a read database (READ_DATABASE_SQLITE_FILE); nothing was restored. Remove it or unset READ_DATABASE_SQLITE_FILE, so the api rebuilds the read models from the restored history only`);
  }
}

/** The reason is checked by the rule the event is recorded under, before anything is written. */
function refuseReasonTheDomainRefuses(reason: string, now: string): void {
  const trial: RecordHistoryRestore = {
    type: 'RecordHistoryRestore',
    data: { restoreId: 'trial', reason, backupHead: `1:${'0'.repeat(64)}`, backupTakenAt: now, currentBreak: null, comparison: { edited: 0, deleted: 0, reordered: 0, inserted: 0, writtenSince: 0 } },
  };
  try {
    historyRestoreDecider.decide(trial, historyRestoreDecider.initialState(), { now, commandId: 'trial', correlationId: 'trial', actor: OPERATOR }, undefined);
  } catch (error) {
    if (error instanceof DomainError) throw new RecoveryRefusedError('input', `--${error.field}: ${error.message}; nothing was restored`);
    throw error;
  }
}

async function digestsOf(filename: string): Promise<EventDigest[]> {
  const digests: EventDigest[] = [];
  await withStore(filename, async (store) => {
    for (let page = await store.readAll({ maxCount: 2000, withHashes: true }); page.length > 0; page = await store.readAll({ after: page[page.length - 1].position, maxCount: 2000, withHashes: true })) {
      for (const event of page) digests.push(digestOf(event));
    }
  });
  return digests;
}

async function withStore<T>(filename: string, use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
  const store = new SqliteEventStore({ filename, backgroundCheckpoints: false });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The event at `position` of a SQLite store (positions there are integers). */
async function eventAt(store: SqliteEventStore, position: string): Promise<RecordedEvent> {
  const [event] = await store.readAll({ after: BigInt(position) - 1n, maxCount: 1, withHashes: true });
  return event;
}

/** Reads back just the edited events from both stores, to say what changed in each. */
async function fillInChanges(comparison: HistoryComparison, backupStore: string, currentStore: string): Promise<void> {
  if (comparison.edited.length === 0) return;
  await withStore(backupStore, (backup) =>
    withStore(currentStore, async (current) => {
      for (const edited of comparison.edited) edited.changes = changesBetween(await eventAt(backup, edited.position), await eventAt(current, edited.currentPosition));
    }),
  );
}

/**
 * Verifies the broken history on a snapshot, so its data directory is never written to (it is
 * the evidence), and keeps its events for the comparison.
 */
async function verifyCurrent(eventStore: string, scratch: string, progress: (line: string) => void): Promise<{ verification: ChainVerification; digests: EventDigest[]; snapshot: string }> {
  progress(`Taking a snapshot of the broken event store ${eventStore} (it is only read)…`);
  const copy = join(scratch, 'current-events.sqlite');
  try {
    await snapshotSqliteFile(eventStore, copy);
  } catch (error) {
    throw new RecoveryRefusedError('input', `${eventStore} could not be read as an event store (${(error as Error).message}); nothing was restored`);
  }
  const store = new SqliteEventStore({ filename: copy, backgroundCheckpoints: false });
  const digests: EventDigest[] = [];
  const started = Date.now();
  let shown = started;
  try {
    progress('Verifying its hash chains from the first event to the last…');
    const verification = await verifyEventStore(store, {
      onEvent: (event) => digests.push(digestOf(event)),
      onProgress: ({ eventsChecked }) => {
        if (Date.now() - shown < 1000) return;
        shown = Date.now();
        progress(`  ${eventsChecked} events checked, ${((shown - started) / 1000).toFixed(1)} s`);
      },
    });
    return { verification, digests, snapshot: copy };
  } finally {
    await store.close();
  }
}

/**
 * After a break: restores a backup whose history verifies into an empty folder, compares it with
 * the broken history event by event, records the restore in the restored history
 * (HistoryRestored), and writes the incident report beside it. The broken data directory is only
 * read. No read database is carried over or built from the broken history: the api builds the read
 * models from the restored, verified history as it starts (PostgreSQL read models are rebuilt here).
 */
export async function recoverAfterBreak(request: RecoveryRequest): Promise<RecoverySummary> {
  const started = Date.now();
  const progress = request.onProgress ?? (() => undefined);
  const now = request.now ?? (() => new Date().toISOString());
  const reason = request.reason.trim();
  refuseReasonTheDomainRefuses(reason, now());
  refuseUnlessEmpty(request);
  if (request.current.eventStore.type !== 'sqlite') throw new RecoveryRefusedError('input', embeddedStoreOnly(request.current.eventStore.type, 'recover'));
  const currentStore = request.current.eventStore.filename;
  if (!existsSync(currentStore)) throw new RecoveryRefusedError('input', `--current ${request.currentDataDir} holds no event store (${currentStore} is missing); nothing was restored`);
  if (resolve(currentStore) === resolve(request.target.eventStore.type === 'sqlite' ? request.target.eventStore.filename : '')) {
    throw new RecoveryRefusedError('input', 'EVENT_STORE_SQLITE_FILE names one file for both --current and --to; unset it');
  }

  const manifest = await readManifest(resolve(request.backupDir)).catch((error: unknown) => {
    throw error instanceof BackupError ? new RecoveryRefusedError('backup', error.message) : error;
  });
  if (!manifest.eventStore.lastPosition || !manifest.eventStore.chainHead) throw new RecoveryRefusedError('backup', 'The backup holds no events; there is nothing to recover from, and nothing was restored');

  const scratch = await mkdtemp(join(tmpdir(), 'send-recover-'));
  try {
    const current = await verifyCurrent(currentStore, scratch, progress);
    const found = current.verification.firstBreak;
    progress(found ? `  BROKEN (${found.kind}) at position ${found.position}: ${found.message}` : '  It verifies: no break found. Recovering anyway, as asked.');

    let restore: RestoreSummary;
    try {
      restore = await restoreDataDirectory(request.target, request.backupDir, { rebuild: false, onProgress: progress });
    } catch (error) {
      if (error instanceof BackupError) throw new RecoveryRefusedError('backup', error.message);
      throw error;
    }
    const restoredStore = restore.eventStore;
    const { lastPosition, chainHead } = restore.manifest.eventStore;
    const backupHead = `${lastPosition}:${chainHead}`;

    progress(`Comparing the restored history (${restore.events} events) with the broken one (${current.digests.length} events) by event id…`);
    const comparison = compareHistories(await digestsOf(restoredStore), current.digests, found?.position);
    current.digests.length = 0;
    await fillInChanges(comparison, restoredStore, current.snapshot);

    const restoreId = randomUUID();
    const recoveredAt = now();
    const command: RecordHistoryRestore = {
      type: 'RecordHistoryRestore',
      data: {
        restoreId,
        reason,
        backupHead,
        backupTakenAt: restore.manifest.takenAt,
        currentBreak: found ? { kind: found.kind, position: String(found.position) } : null,
        comparison: comparison.counts,
      },
    };
    let appendedAt: bigint | undefined;
    const check = await withStore(restoredStore, async (store) => {
      const result = await handleCommand(store, historyRestoreStream(restoreId), historyRestoreDecider, command, {
        metadata: { now: recoveredAt, commandId: restoreId, correlationId: restoreId, actor: OPERATOR },
        context: undefined,
        schemaVersionOf,
      });
      appendedAt = result.position;
      progress(`Recorded the restore in the restored history: HistoryRestored at position ${appendedAt}, stream ${historyRestoreStream(restoreId)}`);
      progress('Verifying the restored history again, with the restore recorded…');
      return verifyEventStore(store);
    });
    if (!check.ok || !check.head) throw new Error(`The restored history does not verify after recording the restore: ${check.firstBreak?.message ?? 'no events'}`);

    let readModels: string;
    if (request.target.readDatabase.type === 'sqlite') {
      readModels = `none: the api builds them in ${request.target.readDatabase.filename} from the restored history as it starts`;
    } else {
      // A shared PostgreSQL read database still holds the broken history's read models: replace them now.
      const rebuilt = await rebuildFromEventStore(request.target, restoredStore, progress);
      readModels = `PostgreSQL (READ_DATABASE_URL): rebuilt from the ${rebuilt.events} events of the restored history`;
    }

    const account = (() => {
      try {
        return `${userInfo().username}@${hostname()}`;
      } catch {
        return hostname();
      }
    })();
    const report: IncidentReport = {
      restoreId,
      reason,
      recoveredAt,
      recoveredBy: { userId: OPERATOR.userId, displayName: OPERATOR.displayName, account },
      current: {
        dataDir: resolve(request.currentDataDir),
        eventStore: currentStore,
        events: comparison.currentEvents,
        firstBreak: found ? { ...found, position: String(found.position), revision: found.revision === undefined ? undefined : String(found.revision) } : null,
      },
      backup: { folder: resolve(request.backupDir), takenAt: restore.manifest.takenAt, events: restore.events, head: backupHead },
      restored: { dataDir: resolve(request.target.dataDir), eventStore: restoredStore, historyRestoredAt: String(appendedAt), head: `${check.head.position}:${check.head.hash}`, readModels },
      comparison,
    };
    const base = join(request.target.dataDir, `incident-${londonDateOf(recoveredAt)}`);
    const reportFiles = { markdown: `${base}.md`, json: `${base}.json` };
    await writeFile(reportFiles.markdown, incidentReportMarkdown(report));
    await writeFile(reportFiles.json, `${JSON.stringify(report, null, 2)}\n`);
    progress(`Incident report written: ${reportFiles.markdown} (and .json)`);
    return { report, restore, reportFiles, elapsedMs: Date.now() - started };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
