/** Why the server's own storage failed, for `extensions.reason`. */
export type StorageFailureReason = 'READ_ONLY' | 'DISK_FULL' | 'NOT_PERMITTED' | 'IO_ERROR';

export interface StorageFailure {
  reason: StorageFailureReason;
  /** In plain words, without paths: it goes to the client. */
  cause: string;
}

const CAUSES: { code: RegExp; reason: StorageFailureReason; cause: string }[] = [
  { code: /^(EROFS$|SQLITE_READONLY)/, reason: 'READ_ONLY', cause: "the server's data folder is read-only" },
  { code: /^(ENOSPC$|EDQUOT$|SQLITE_FULL)/, reason: 'DISK_FULL', cause: "the server's disk is full" },
  { code: /^(EACCES$|EPERM$|SQLITE_CANTOPEN)/, reason: 'NOT_PERMITTED', cause: 'the server may not write to its data folder' },
  { code: /^(EIO$|SQLITE_IOERR)/, reason: 'IO_ERROR', cause: "the server's disk refused a write (it may be read-only, full or failing)" },
];

/**
 * The storage failure behind an error, if that is what it is: a file-system error from Node (it
 * names a system call) or an SQLite error, found on the error or its causes. Such a failure is
 * the server's, not the request's, and passes once the disk is writable again.
 */
export function storageFailureOf(error: unknown): StorageFailure | undefined {
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const { code, syscall } = at as { code?: unknown; syscall?: unknown };
    if (typeof code !== 'string') continue;
    if (!code.startsWith('SQLITE_') && typeof syscall !== 'string') continue;
    const known = CAUSES.find((c) => c.code.test(code));
    if (known) return { reason: known.reason, cause: known.cause };
  }
  return undefined;
}
