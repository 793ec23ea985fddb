import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BackupError } from './backup.errors';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'send-tracker-backup';
export const MANIFEST_VERSION = 1;

/** What a backed-up file is, which decides where a restore puts it. */
export type BackedUpFileKind = 'event-store' | 'evidence' | 'signing-key' | 'outbox';

export interface BackedUpFile {
  /** Relative to the backup folder, with forward slashes. */
  path: string;
  kind: BackedUpFileKind;
  size: number;
  sha256: string;
}

/**
 * Written last, so a folder with a manifest holds a finished backup; a restore checks every file
 * it lists (size and SHA-256) and that the events it describes are all there and still chain.
 */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  /** When the event store's snapshot was taken (ISO instant, UTC). */
  takenAt: string;
  source: { dataDir: string; eventStore: string; host: string };
  eventStore: {
    file: string;
    events: number;
    /** The newest event's global position (decimal text: positions are 64-bit), null for an empty store. */
    lastPosition: string | null;
    /** The global hash chain's value after that event, as `npm run verify` prints it. */
    chainHead: string | null;
  };
  /**
   * SHA-256 digests of evidence files the snapshot's events name that the backup could not copy
   * whole (not in the data directory, or its content no longer matches its hash). Empty in a
   * healthy backup; a restore accepts only these as absent.
   */
  evidenceMissing: string[];
  /** Read models are not kept: a restore rebuilds them from the events. */
  readModels: 'not included: rebuilt from the events';
  files: BackedUpFile[];
}

const SHA256 = /^[0-9a-f]{64}$/;
/** Where each kind may live in a backup; anything else (an absolute path, `..`) is refused. */
const PATHS: Record<BackedUpFileKind, RegExp> = {
  'event-store': /^events\.sqlite$/,
  evidence: /^evidence-files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/,
  'signing-key': /^auth\/local-signing-key\.json$/,
  outbox: /^outbox\/[A-Za-z0-9][A-Za-z0-9._-]*$/,
};

export function pathAllowed(kind: BackedUpFileKind, path: string): boolean {
  return PATHS[kind].test(path);
}

/** Reads and checks the manifest's shape; a missing or malformed one is refused naming what is wrong. */
export async function readManifest(backupDir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(join(backupDir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(`${backupDir} has no ${MANIFEST_FILE}: it is not a backup, or a backup that did not finish`);
    }
    throw error;
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw new BackupError(`${MANIFEST_FILE} in ${backupDir} is not valid JSON`);
  }
  const wrong = (field: string, expected: string) => new BackupError(`${MANIFEST_FILE}: ${field} must be ${expected}`);
  if (manifest?.format !== MANIFEST_FORMAT) throw wrong('format', `"${MANIFEST_FORMAT}"`);
  if (manifest.version !== MANIFEST_VERSION) throw wrong('version', `${MANIFEST_VERSION} (this backup was written by another version of the tracker)`);
  const store = manifest.eventStore;
  if (!store || !Number.isInteger(store.events) || store.events < 0) throw wrong('eventStore.events', 'a whole number');
  if (store.lastPosition !== null && !/^[1-9][0-9]{0,18}$/.test(String(store.lastPosition))) throw wrong('eventStore.lastPosition', 'a position or null');
  if (store.chainHead !== null && !SHA256.test(String(store.chainHead))) throw wrong('eventStore.chainHead', '64 hexadecimal characters or null');
  if (!Array.isArray(manifest.evidenceMissing) || !manifest.evidenceMissing.every((h) => SHA256.test(h))) {
    throw wrong('evidenceMissing', 'a list of SHA-256 digests');
  }
  if (!Array.isArray(manifest.files)) throw wrong('files', 'a list');
  const seen = new Set<string>();
  manifest.files.forEach((file, i) => {
    if (!file || !(file.kind in PATHS)) throw wrong(`files[${i}].kind`, Object.keys(PATHS).join(', '));
    if (typeof file.path !== 'string' || !pathAllowed(file.kind, file.path)) throw wrong(`files[${i}].path`, `where the backup keeps ${file.kind} files, got "${file.path}"`);
    if (!Number.isInteger(file.size) || file.size < 0) throw wrong(`files[${i}].size`, 'a whole number of bytes');
    if (!SHA256.test(String(file.sha256))) throw wrong(`files[${i}].sha256`, '64 hexadecimal characters');
    if (seen.has(file.path)) throw wrong(`files[${i}].path`, `listed once, but ${file.path} is listed twice`);
    seen.add(file.path);
  });
  if (!manifest.files.some((f) => f.kind === 'event-store' && f.path === store.file)) throw wrong('eventStore.file', 'one of the files listed');
  return manifest;
}
