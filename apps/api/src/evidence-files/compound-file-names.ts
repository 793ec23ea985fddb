import { ByteSource } from '../common/byte-source';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;
/** Far above any real document; a loop in a crafted chain stops here instead of spinning. */
const MAX_SECTORS = 1 << 20;

/**
 * The names in an OLE2 compound file's directory (legacy .doc, .xls and .ppt keep their content
 * in named streams such as "WordDocument"), or null when the structure does not hold together.
 */
export function compoundFileNames(source: ByteSource): string[] | null {
  const header = source.read(0, 512);
  if (header.length < 512) return null;
  const sectorShift = header.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const sector = (n: number): Buffer | null => {
    const bytes = source.read((n + 1) * sectorSize, sectorSize);
    return bytes.length === sectorSize ? bytes : null;
  };

  const fatSectorCount = header.readUInt32LE(0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
  let difat = header.readUInt32LE(0x44);
  const perDifat = sectorSize / 4 - 1;
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE && fatSectors.length < fatSectorCount; hops += 1) {
    const bytes = hops < MAX_SECTORS ? sector(difat) : null;
    if (!bytes) return null;
    for (let i = 0; i < perDifat && fatSectors.length < fatSectorCount; i += 1) fatSectors.push(bytes.readUInt32LE(i * 4));
    difat = bytes.readUInt32LE(perDifat * 4);
  }

  const fat: number[] = [];
  for (const n of fatSectors) {
    const bytes = sector(n);
    if (!bytes) return null;
    for (let i = 0; i < sectorSize; i += 4) fat.push(bytes.readUInt32LE(i));
  }

  const names: string[] = [];
  const seen = new Set<number>();
  for (let n = header.readUInt32LE(0x30); n !== END_OF_CHAIN; n = fat[n]) {
    if (seen.has(n) || n >= fat.length) return null;
    seen.add(n);
    const bytes = sector(n);
    if (!bytes) return null;
    for (let at = 0; at < sectorSize; at += DIRECTORY_ENTRY_SIZE) {
      const nameBytes = Math.min(bytes.readUInt16LE(at + 0x40), 64);
      const type = bytes[at + 0x42];
      if (type === 0 || nameBytes < 2) continue;
      names.push(bytes.toString('utf16le', at, at + nameBytes - 2));
    }
  }
  return names;
}
