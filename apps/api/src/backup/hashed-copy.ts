import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface HashedFile {
  size: number;
  sha256: string;
}

function measuring(): { through: Transform; result(): HashedFile } {
  const hash = createHash('sha256');
  let size = 0;
  const through = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { through, result: () => ({ size, sha256: hash.digest('hex') }) };
}

/**
 * Copies a file and answers the size and SHA-256 of the bytes actually written, read once. The
 * copy goes to a `.partial` file that is flushed and then renamed, so a copy cut short (disk full,
 * killed) never stands under the real name.
 */
export async function copyHashed(source: string, target: string, mode = 0o640): Promise<HashedFile> {
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const { through, result } = measuring();
  try {
    await pipeline(createReadStream(source), through, createWriteStream(partial, { mode }));
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, target);
    return result();
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

export async function hashFile(path: string): Promise<HashedFile> {
  const { through, result } = measuring();
  through.resume();
  await pipeline(createReadStream(path), through);
  return result();
}
