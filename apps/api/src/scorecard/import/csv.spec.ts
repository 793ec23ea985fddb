import { ImportBudget } from '../../common/import-limits';
import { DEFAULT_IMPORT_LIMITS } from '../../config/app-config';
import { CsvSyntaxError, parseCsv as parseWithLimits } from './csv';

const parseCsv = (text: string) => parseWithLimits(text, new ImportBudget(DEFAULT_IMPORT_LIMITS));

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, numbering rows by line', () => {
    const text = '\uFEFFmetric,source\r\n"A, B","He said ""yes"""\r\n\r\n"two\nlines",x\nlast,';
    expect(parseCsv(text)).toEqual([
      { row: 1, cells: ['metric', 'source'] },
      { row: 2, cells: ['A, B', 'He said "yes"'] },
      { row: 4, cells: ['two\nlines', 'x'] },
      { row: 6, cells: ['last', ''] },
    ]);
  });

  it('names the row of a quote that is never closed', () => {
    expect(() => parseCsv('a,b\n"open,1\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n"open,1\n');
    } catch (error) {
      expect((error as CsvSyntaxError).row).toBe(2);
    }
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\n')).toEqual([]);
  });
});
