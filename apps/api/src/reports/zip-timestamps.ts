const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** An instant as the MS-DOS time and date a zip entry carries (two-second steps, from 1980). */
function dosStamp(instant: string): { time: number; date: number } {
  const d = new Date(instant);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Sets every entry of a zip (an XLSX is one) to the same modification time. The writer stamps
 * each entry with the moment it was written, so without this the same workbook differs, byte for
 * byte, from one second to the next. A buffer that is not a zip this understands comes back as it was.
 */
export function withZipEntriesDated(zip: Buffer, instant: string): Buffer {
  const out = Buffer.from(zip);
  const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || out.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) return zip;
  const { time, date } = dosStamp(instant);
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i += 1) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) return zip;
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(date, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) return zip;
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
