import { Workbook } from 'exceljs';
import { DEFAULT_IMPORT_LIMITS } from '../config/app-config';
import { findHeader } from './plan-import-columns';
import { readSpreadsheet as readWithLimits } from './read-spreadsheet';
import { SpreadsheetError } from './spreadsheet';

const readSpreadsheet = (content: Buffer) => readWithLimits(content, DEFAULT_IMPORT_LIMITS);
const csv = (text: string) => readSpreadsheet(Buffer.from(text, 'utf8'));

async function xlsx(build: (workbook: Workbook) => void): Promise<Buffer> {
  const workbook = new Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<SpreadsheetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SpreadsheetError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('reading a CSV', () => {
  it('numbers rows as Excel shows them: blank lines count, a quoted line break does not start a row', async () => {
    const [sheet] = await csv('\uFEFFRef,Title\r\n\r\n8.2,"Recovery plan,\nphase 1"\n8.3,"He said ""yes"""\r\n');
    expect(sheet.format).toBe('csv');
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['Ref', 'Title'] },
      { row: 2, cells: [''] },
      { row: 3, cells: ['8.2', 'Recovery plan,\nphase 1'] },
      { row: 4, cells: ['8.3', 'He said "yes"'] },
    ]);
  });

  it("reads Excel's Windows-1252 CSV as well as UTF-8", async () => {
    const [sheet] = await readSpreadsheet(Buffer.from([...Buffer.from('Title\n'), 0xa3, 0x31, 0x34, 0x33, 0x6b, 0x20, 0x96, 0x20, 0x93, 0x4f, 0x41, 0x50, 0x94]));
    expect(sheet.rows[1].cells).toEqual(['£143k – “OAP”']);
  });

  it('names the line of a quote that is never closed', async () => {
    const error = await refusal(csv('Ref,Title\n8.2,"open\n'));
    expect(error.rule).toBe('unreadableFile');
    expect(error.message).toContain('line');
  });

  it('refuses an empty file, an old .xls workbook and binary content', async () => {
    expect((await refusal(readSpreadsheet(Buffer.alloc(0)))).rule).toBe('emptyFile');
    expect((await refusal(readSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).message).toContain('.xls');
    expect((await refusal(readSpreadsheet(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])))).rule).toBe('unreadableFile');
  });
});

describe('reading an XLSX workbook', () => {
  it('keeps each row’s own number and gives dates, numbers, formulas and rich text as values', async () => {
    const content = await xlsx((workbook) => {
      const sheet = workbook.addWorksheet('Plan');
      sheet.getCell('A1').value = 'SEND and AP Improvement Plan – October 2025';
      sheet.getRow(3).values = ['Ref', 'Area', 'Title', 'Due date', 'Cost'];
      sheet.getRow(5).values = ['8.2', 8, { richText: [{ text: 'Deficit ' }, { text: 'recovery plan' }] }, new Date(Date.UTC(2026, 2, 31)), { formula: '100+43', result: 143 }];
    });
    const [sheet] = await readSpreadsheet(content);
    expect(sheet).toMatchObject({ format: 'xlsx', name: 'Plan' });
    expect(sheet.rows).toEqual([
      { row: 1, cells: ['SEND and AP Improvement Plan – October 2025'] },
      { row: 3, cells: ['Ref', 'Area', 'Title', 'Due date', 'Cost'] },
      { row: 5, cells: ['8.2', 8, 'Deficit recovery plan', new Date(Date.UTC(2026, 2, 31)), 143] },
    ]);
  });

  it('reads every worksheet, and the header is found on the first that has one', async () => {
    const content = await xlsx((workbook) => {
      workbook.addWorksheet('Notes').addRow(['Read me first']);
      const plan = workbook.addWorksheet('Actions');
      plan.addRow(['Updated for the November board']);
      plan.addRow(['Action Ref', 'Improvement area', 'Action title', 'Description', 'Action owner', 'Organisation', 'Target date', 'RAG status', 'Notes']);
      plan.addRow(['8.2', 8, 'Recovery plan', 'A plan', 'Alex Morgan', 'Council', new Date(Date.UTC(2026, 2, 31)), 'Amber', 'x']);
    });
    const headered = findHeader(await readSpreadsheet(content));
    expect(headered.sheet.name).toBe('Actions');
    expect(headered.headerRow).toBe(2);
    expect(headered.columns).toMatchObject({ ref: 0, area: 1, title: 2, description: 3, owner: 4, organisation: 5, dueDate: 6, rag: 7 });
    expect(headered.names.dueDate).toBe('Target date');
    expect(headered.ignored).toEqual(['Notes']);
    expect(headered.rows.map((r) => r.row)).toEqual([3]);
  });

  it('refuses a workbook that is not one', async () => {
    const error = await refusal(readSpreadsheet(Buffer.from('PK\x03\x04 not really a zip', 'latin1')));
    expect(error.rule).toBe('unreadableFile');
  });
});

describe('finding the header', () => {
  it('names the missing columns', async () => {
    try {
      findHeader(await csv('Ref,Title,Area\n8.2,x,8'));
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(SpreadsheetError);
      expect((error as SpreadsheetError).message).toBe('Row 1: the header has no column for description, owner, dueDate, organisation');
    }
  });

  it('refuses two columns that mean the same thing, and a file with no header at all', async () => {
    expect(() => findHeader([{ format: 'csv', rows: [{ row: 1, cells: ['Ref', 'Reference', 'Title'] }] }])).toThrow(
      'Row 1: columns "Ref" and "Reference" both mean ref; keep one',
    );
    expect(() => findHeader([{ format: 'csv', rows: [{ row: 1, cells: ['a', 'b'] }] }])).toThrow(/No header row found/);
  });
});
