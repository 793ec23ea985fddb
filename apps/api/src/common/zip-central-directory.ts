import { ByteSource } from './byte-source';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARKER_16 = 0xffff;
const ZIP64_MARKER_32 = 0xffffffff;

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
 * The entries a ZIP archive's central directory lists (where Office files list their parts), or
 * null when the bytes are not a well-formed archive. Nothing is unpacked, and only the end of the
 * file and the directory are read. ZIP64 is refused: no upload this service takes is large enough
 * to need it, and its sizes would be one more thing a hostile file could misstate.
 */
export function zipCentralDirectory(source: ByteSource): ZipEntry[] | null {
  if (source.size < EOCD_SIZE) return null;
  const tailStart = Math.max(0, source.size - EOCD_SIZE - MAX_COMMENT);
  const tail = source.read(tailStart, source.size - tailStart);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === ZIP64_MARKER_16 || directoryOffset === ZIP64_MARKER_32 || directoryOffset + directorySize > tailStart + eocd) return null;
  const directory = source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const compressedSize = directory.readUInt32LE(at + 20);
    const declaredSize = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const localHeaderOffset = directory.readUInt32LE(at + 42);
    if ([compressedSize, declaredSize, localHeaderOffset].includes(ZIP64_MARKER_32)) return null;
    if (at + 46 + nameLength > directory.length) return null;
    const name = directory.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, method: directory.readUInt16LE(at + 10), compressedSize, declaredSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
