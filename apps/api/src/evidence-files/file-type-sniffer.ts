import { extname } from 'node:path';
import { ByteSource } from '../common/byte-source';
import { compoundFileNames } from './compound-file-names';
import { zipCentralDirectory } from '../common/zip-central-directory';

/** A kind of file the board may receive as evidence. */
export interface EvidenceFileType {
  contentType: string;
  /** Name endings that agree with the content, lower case, without the dot. */
  extensions: string[];
  /** For messages: "a PDF document". */
  description: string;
}

const type = (contentType: string, extensions: string[], description: string): EvidenceFileType => ({ contentType, extensions, description });

export const EVIDENCE_FILE_TYPES = {
  pdf: type('application/pdf', ['pdf'], 'a PDF document'),
  png: type('image/png', ['png'], 'a PNG image'),
  jpeg: type('image/jpeg', ['jpg', 'jpeg'], 'a JPEG image'),
  gif: type('image/gif', ['gif'], 'a GIF image'),
  webp: type('image/webp', ['webp'], 'a WebP image'),
  docx: type('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx'], 'a Word document'),
  xlsx: type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx'], 'an Excel workbook'),
  pptx: type('application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx'], 'a PowerPoint presentation'),
  doc: type('application/msword', ['doc'], 'a Word 97-2003 document'),
  xls: type('application/vnd.ms-excel', ['xls'], 'an Excel 97-2003 workbook'),
  ppt: type('application/vnd.ms-powerpoint', ['ppt'], 'a PowerPoint 97-2003 presentation'),
} as const;

export type SniffResult = { accepted: true; type: EvidenceFileType } | { accepted: false; reason: string };

const refused = (reason: string): SniffResult => ({ accepted: false, reason });
const accepted = (type: EvidenceFileType): SniffResult => ({ accepted: true, type });
const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
  const expected = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= at + expected.length && head.subarray(at, at + expected.length).equals(expected);
};

const EXECUTABLES: { magic: number[] | string; what: string }[] = [
  { magic: 'MZ', what: 'a Windows program (MZ/PE)' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program (ELF)' },
  { magic: [0xfe, 0xed, 0xfa, 0xce], what: 'a macOS program (Mach-O)' },
  { magic: [0xfe, 0xed, 0xfa, 0xcf], what: 'a macOS program (Mach-O)' },
  { magic: [0xce, 0xfa, 0xed, 0xfe], what: 'a macOS program (Mach-O)' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program (Mach-O)' },
  // Also Java class files, which are programs too.
  { magic: [0xca, 0xfe, 0xba, 0xbe], what: 'a macOS universal program (Mach-O) or Java class' },
  { magic: '#!', what: 'a script (#!)' },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * What a file is, from its bytes alone: the name and the client's Content-Type are never asked.
 * Programs and scripts are refused by name; anything not recognised as a document or image is
 * refused too, so an unknown format cannot slip through.
 */
export function sniffFileType(source: ByteSource): SniffResult {
  if (source.size === 0) return refused('the file is empty');
  const head = source.read(0, 32);
  const program = EXECUTABLES.find((e) => startsWith(head, e.magic));
  if (program) return refused(`the content is ${program.what}, not a document or image`);

  if (startsWith(head, '%PDF-')) return accepted(EVIDENCE_FILE_TYPES.pdf);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && startsWith(head, 'IHDR', 12)) return accepted(EVIDENCE_FILE_TYPES.png);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return accepted(EVIDENCE_FILE_TYPES.jpeg);
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return accepted(EVIDENCE_FILE_TYPES.gif);
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBPVP8', 8)) return accepted(EVIDENCE_FILE_TYPES.webp);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXml(source);
  if (startsWith(head, OLE2)) return legacyOffice(source);
  return refused('the content is not a PDF, an Office document or a PNG, JPEG, GIF or WebP image');
}

function officeOpenXml(source: ByteSource): SniffResult {
  const names = zipCentralDirectory(source)?.map((entry) => entry.name);
  if (!names) return refused('the content starts like a ZIP archive but its directory is damaged');
  if (!names.includes('[Content_Types].xml')) return refused('the content is a ZIP archive, not an Office document');
  // Macros run code when opened; evidence for the board never needs them.
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return refused('the content is a macro-enabled Office document');
  const families = [
    ['word/', EVIDENCE_FILE_TYPES.docx],
    ['xl/', EVIDENCE_FILE_TYPES.xlsx],
    ['ppt/', EVIDENCE_FILE_TYPES.pptx],
  ] as const;
  const found = families.filter(([prefix]) => names.some((n) => n.startsWith(prefix)));
  if (found.length !== 1) return refused('the content is an Office Open XML package, but not a Word, Excel or PowerPoint file');
  return accepted(found[0][1]);
}

function legacyOffice(source: ByteSource): SniffResult {
  const names = compoundFileNames(source);
  if (!names) return refused('the content starts like an OLE2 compound file but its structure is damaged');
  if (names.some((n) => n === 'Macros' || n === '_VBA_PROJECT_CUR' || n === 'VBA')) {
    return refused('the content is a macro-enabled Office document');
  }
  if (names.includes('WordDocument')) return accepted(EVIDENCE_FILE_TYPES.doc);
  if (names.includes('Workbook') || names.includes('Book')) return accepted(EVIDENCE_FILE_TYPES.xls);
  if (names.includes('PowerPoint Document')) return accepted(EVIDENCE_FILE_TYPES.ppt);
  return refused('the content is an OLE2 compound file (e.g. an installer), not a Word, Excel or PowerPoint document');
}

/**
 * A name whose ending says one type while the content is another is refused: someone opening
 * "report.pdf" must get a PDF. A name with no ending contradicts nothing.
 */
export function nameContradicts(originalName: string, type: EvidenceFileType): boolean {
  const extension = extname(originalName).slice(1).toLowerCase();
  return extension !== '' && !(type.extensions as readonly string[]).includes(extension);
}
