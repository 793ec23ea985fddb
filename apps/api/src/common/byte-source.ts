import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Random access to a file's bytes, so learning its type never needs the whole file in memory. */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; fewer at the end of the file. */
  read(offset: number, length: number): Buffer;
}

export function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, Math.min(offset + length, bytes.length)) };
}

/** Opens a file for `use` and closes it afterwards, whatever happens. */
export function withFileSource<T>(path: string, use: (source: ByteSource) => T): T {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    return use({
      size,
      read(offset, length) {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const read = buffer.length === 0 ? 0 : readSync(fd, buffer, 0, buffer.length, offset);
        return buffer.subarray(0, read);
      },
    });
  } finally {
    closeSync(fd);
  }
}
