import { once } from 'node:events';
import { constants, crc32, createDeflateRaw } from 'node:zlib';

export interface BombOptions {
  /** Rows of the one worksheet, each with a ref and a title. */
  rows: number;
  /** What the ZIP says the worksheet inflates to; the truth by default. A lie hides the bomb from a reader that trusts it. */
  declaredSheetBytes?: number;
}

/**
 * A decompression bomb shaped like a workbook: one worksheet of millions of identical rows,
 * deflated, so the file is tiny and its XML enormous. Built by hand so that a test can make the
 * ZIP lie about the size, as an attacker would to get past a reader that trusts it.
 */
export async function xlsxBomb({ rows, declaredSheetBytes }: BombOptions): Promise<Buffer> {
  const sheet = await deflatedSheet(rows);
  return zip([
    stored('[Content_Types].xml', CONTENT_TYPES),
    stored('_rels/.rels', ROOT_RELS),
    stored('xl/workbook.xml', WORKBOOK),
    stored('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    { name: 'xl/worksheets/sheet1.xml', method: 8, data: sheet.compressed, crc: sheet.crc, size: declaredSheetBytes ?? sheet.size },
  ]);
}

interface Part {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

function stored(name: string, text: string): Part {
  const data = Buffer.from(text, 'utf8');
  return { name, method: 0, data, crc: crc32(data), size: data.length };
}

/** The worksheet's XML is generated and deflated in slices, so the test never holds it whole. */
async function deflatedSheet(rows: number): Promise<{ compressed: Buffer; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let crc = 0;
  let size = 0;
  const write = async (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  };
  await write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  await write('<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Title</t></is></c></row>');
  // Every row the same row 2, so deflate's back-references make each one cost a fraction of a byte.
  const slice = '<row r="2"><c r="A2" t="inlineStr"><is><t>8.1</t></is></c></row>'.repeat(10_000);
  for (let written = 1; written < rows; written += 10_000) await write(written + 10_000 <= rows ? slice : slice.slice(0, (slice.length / 10_000) * (rows - written)));
  await write('</sheetData></worksheet>');
  deflate.end();
  await once(deflate, 'end');
  return { compressed: Buffer.concat(out), crc, size };
}

/** A plain ZIP: local headers, the data, then the central directory that names each part. */
function zip(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    chunks.push(local, name, part.data);
    offset += local.length + name.length + part.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directoryBytes, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
