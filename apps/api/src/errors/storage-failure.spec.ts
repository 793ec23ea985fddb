import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '@send/event-store';
import { storageFailureOf } from './storage-failure';
import { toGraphQLError } from './to-graphql-error';

/** What Node's fs gives: a code, the system call and the path. */
const systemError = (code: string, path = '/srv/send/data/evidence-files/incoming/x') =>
  Object.assign(new Error(`${code}: failed, open '${path}'`), { code, syscall: 'open', path, errno: -1 });
const sqliteError = (code: string) => Object.assign(new Error('disk I/O error'), { code });

describe('A failure of the server’s own storage', () => {
  it.each([
    ['EROFS', 'READ_ONLY'],
    ['SQLITE_READONLY', 'READ_ONLY'],
    ['SQLITE_READONLY_DBMOVED', 'READ_ONLY'],
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['SQLITE_FULL', 'DISK_FULL'],
    ['EACCES', 'NOT_PERMITTED'],
    ['EPERM', 'NOT_PERMITTED'],
    ['SQLITE_CANTOPEN', 'NOT_PERMITTED'],
    ['EIO', 'IO_ERROR'],
    ['SQLITE_IOERR_WRITE', 'IO_ERROR'],
  ])('is recognised by its code %s', (code, reason) => {
    const error = code.startsWith('SQLITE_') ? sqliteError(code) : systemError(code);
    expect(storageFailureOf(error)?.reason).toBe(reason);
    expect(storageFailureOf(new Error('wrapped', { cause: error }))?.reason).toBe(reason);
  });

  it('is not claimed for ENOTDIR from a real read, which is a bug of ours, not the disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storage-failure-'));
    writeFileSync(join(dir, 'file'), '');
    try {
      const error = await readFile(join(dir, 'file', 'inside')).catch((e: unknown) => e);
      expect((error as { code: string }).code).toBe('ENOTDIR');
      expect(storageFailureOf(error)).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a lock held by another process', sqliteError('SQLITE_BUSY')],
    ['a constraint', sqliteError('SQLITE_CONSTRAINT_UNIQUE')],
    ['an error that only borrows the code, with no system call', Object.assign(new Error('no'), { code: 'EACCES' })],
    ['a plain error', new Error('EROFS')],
    ['not an error at all', 'EROFS'],
  ])('is not claimed for %s', (_what, error) => {
    expect(storageFailureOf(error)).toBeUndefined();
  });

  it('answers SERVICE_UNAVAILABLE in plain words, without the path or the code', () => {
    const answer = toGraphQLError(systemError('ENOSPC'));
    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DISK_FULL' });
    expect(answer.message).toBe("The server cannot use its storage: the server's disk is full. Try again once it is fixed.");
  });

  it('says the plan store cannot be written, and that nothing was changed, when the event store’s file fails', () => {
    const answer = toGraphQLError(new EventStoreUnavailableError('The SQLite event store is unavailable (SQLITE_READONLY): attempt to write a readonly database', sqliteError('SQLITE_READONLY')));
    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'READ_ONLY' });
    expect(answer.message).toBe("The plan store cannot be written: the server's data folder is read-only; nothing was changed. Try again once it is fixed.");
  });

  it('keeps the existing answer for a store locked by another process', () => {
    const answer = toGraphQLError(new EventStoreUnavailableError('The SQLite event store is unavailable (SQLITE_BUSY): database is locked', sqliteError('SQLITE_BUSY')));
    expect(answer.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(answer.message).toMatch(/nothing was changed/);
  });
});
