import { createInflateRaw } from 'node:zlib';
import { ImportBudget } from '../common/import-limits';
import { ZipEntry } from '../common/zip-central-directory';

const LOCAL_FILE_HEADER = 0x04034b50;
const CHUNK = 64 * 1024;

/**
 * An entry's content as it unpacks, a chunk at a time, each chunk counted against the budget
 * before anyone sees it: however far the entry would inflate, no more than the budget is ever
 * unpacked or held.
 */
export async function* unpackedChunks(content: Buffer, entry: ZipEntry, budget: ImportBudget): AsyncGenerator<Buffer> {
  const header = entry.localHeaderOffset;
  if (header + 30 > content.length || content.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new Error(`the part ${entry.name} is damaged`);
  const start = header + 30 + content.readUInt16LE(header + 26) + content.readUInt16LE(header + 28);
  if (start + entry.compressedSize > content.length) throw new Error(`the part ${entry.name} is cut short`);
  const data = content.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) {
      const chunk = data.subarray(at, at + CHUNK);
      budget.inflate(chunk.length);
      yield chunk;
    }
    return;
  }
  if (entry.method !== 8) throw new Error(`the part ${entry.name} is compressed with method ${entry.method}, which Office does not use`);
  // A stream, not inflateRawSync: it unpacks only as fast as the chunks are read, so stopping reading stops the work.
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      budget.inflate(chunk.length);
      yield chunk;
    }
  } finally {
    inflater.destroy();
  }
}
