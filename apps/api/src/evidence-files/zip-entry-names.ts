import { ByteSource } from './byte-source';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The entry names in a ZIP archive's central directory (where Office files list their parts),
 * or null when the bytes are not a well-formed archive. Names are read, nothing is extracted.
 */
export function zipEntryNames(source: ByteSource): string[] | null {
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
  const entries = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  // ZIP64 markers: Office never needs them below gigabytes, so they are not worth trusting here.
  if (entries === 0xffff || directoryOffset === 0xffffffff || directoryOffset + directorySize > source.size) return null;
  const directory = source.read(directoryOffset, directorySize);
  const names: string[] = [];
  let at = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) return null;
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
