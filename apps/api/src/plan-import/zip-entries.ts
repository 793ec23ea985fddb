import { createInflateRaw } from 'node:zlib';
import { ImportBudget } from '../common/import-limits';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CHUNK = 64 * 1024;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; Office writes nothing else. */
  method: number;
  compressedSize: number;
  /** What the archive says the entry unpacks to, which a hostile file may understate. */
  declaredSize: number;
  localHeaderOffset: number;
}

/**
 * The entries a ZIP archive's central directory lists, or null when the bytes are not a
 * well-formed archive. Nothing is unpacked. ZIP64 is refused: an upload of a few megabytes never
 * needs it, and its sizes are one more thing a hostile file could misstate.
 */
export function zipEntries(content: Buffer): ZipEntry[] | null {
  if (content.length < EOCD_SIZE) return null;
  let eocd = -1;
  for (let i = content.length - EOCD_SIZE; i >= Math.max(0, content.length - EOCD_SIZE - MAX_COMMENT); i -= 1) {
    if (content.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = content.readUInt16LE(eocd + 10);
  const size = content.readUInt32LE(eocd + 12);
  const offset = content.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > offset + size || content.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const compressedSize = content.readUInt32LE(at + 20);
    const declaredSize = content.readUInt32LE(at + 24);
    const nameLength = content.readUInt16LE(at + 28);
    const extraLength = content.readUInt16LE(at + 30);
    const commentLength = content.readUInt16LE(at + 32);
    const localHeaderOffset = content.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localHeaderOffset === 0xffffffff) return null;
    if (at + 46 + nameLength > offset + size) return null;
    const name = content.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, method: content.readUInt16LE(at + 10), compressedSize, declaredSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

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
