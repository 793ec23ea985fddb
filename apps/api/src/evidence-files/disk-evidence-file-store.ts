import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OnApplicationBootstrap } from '@nestjs/common';
import { measuringStream } from '../common/measuring-stream';
import { removeAbandonedUploads } from './abandoned-uploads';
import { EvidenceFileStore, StoredFile } from './evidence-file-store.port';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The embedded store: `<dir>/ab/cd/<sha256>`. Content is written to `<dir>/tmp/` first, flushed to
 * disk, then renamed into place, so a crash can leave a stray temporary file but never a half
 * file under a real hash. Stray temporary files are removed at start (removeAbandonedUploads).
 */
export class DiskEvidenceFileStore implements EvidenceFileStore, OnApplicationBootstrap {
  private readonly tmpDir: string;

  constructor(private readonly dir: string) {
    this.tmpDir = join(dir, 'tmp');
  }

  /** Temporary files a crash left mid-put were never renamed into place, so nothing names them. */
  async onApplicationBootstrap(): Promise<void> {
    await removeAbandonedUploads([this.tmpDir], Date.now());
  }

  async put(content: Readable): Promise<StoredFile> {
    await mkdir(this.tmpDir, { recursive: true });
    const temporary = join(this.tmpDir, randomUUID());
    const measure = measuringStream();
    try {
      await pipeline(content, measure.through, createWriteStream(temporary, { flags: 'wx', mode: 0o640 }));
      await flush(temporary);
      const { sha256, size } = measure.result();
      const target = this.pathOf(sha256);
      if (await exists(target)) {
        await rm(temporary, { force: true });
      } else {
        await mkdir(join(target, '..'), { recursive: true });
        await rename(temporary, target);
        // The rename is durable only once its folder is: the event naming this file comes next.
        await flush(join(target, '..'));
      }
      return { sha256, size };
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return SHA256.test(sha256) && exists(this.pathOf(sha256));
  }

  async open(sha256: string): Promise<Readable | null> {
    if (!(await this.has(sha256))) return null;
    return createReadStream(this.pathOf(sha256));
  }

  /** Where a hash's content lives; two levels of folders keep any one folder small. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 digest: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}

async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
