import { IMPROVEMENT_AREAS, RECOVERY_PRIORITIES } from '@send/domain';
import { readDate, readNumbered, readPriorities, readRag } from './cell-values';

describe('readDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026-3-1', '2026-03-01'],
    ['31/03/2026', '2026-03-31'],
    ['1/4/2026', '2026-04-01'],
    ['03/04/2026', '2026-04-03'],
    ['31.03.26', '2026-03-31'],
    ['31-03-2026', '2026-03-31'],
    ['31 March 2026', '2026-03-31'],
    ['31st Mar 2026', '2026-03-31'],
    ['31-Mar-2026', '2026-03-31'],
    ['2026-03-31 00:00:00', '2026-03-31'],
  ])('reads %s as %s (day first, as in the UK)', (text, iso) => {
    expect(readDate(text)).toEqual({ value: iso });
  });

  it('reads an Excel date cell and a bare Excel day count', () => {
    expect(readDate(new Date(Date.UTC(2026, 2, 31)))).toEqual({ value: '2026-03-31' });
    expect(readDate(46112)).toEqual({ value: '2026-03-31' });
  });

  it('refuses a date that does not exist rather than rolling it over', () => {
    expect(readDate('30/02/2026')).toEqual({ code: 'IMPOSSIBLE_DATE', message: '"30/02/2026" is not a real date (there is no 30 February 2026)' });
    expect(readDate('12/13/2026')).toEqual({ code: 'IMPOSSIBLE_DATE', message: '"12/13/2026" is not a real date (there is no month 13)' });
    expect(readDate('2026-13-01')).toMatchObject({ code: 'IMPOSSIBLE_DATE' });
    expect(readDate('29/02/2028')).toEqual({ value: '2028-02-29' });
  });

  it.each(['next March', 'Q4 2025/26', '31 Marchly 2026', '2026/03/31 10:15', '46112.5', 'TBC'])('refuses %s as not a date', (text) => {
    expect(readDate(text)).toMatchObject({ code: 'BAD_DATE' });
  });
});

describe('readRag', () => {
  it('reads Red, Amber and Green in any case, and blank or "not yet rated" as no rating', () => {
    expect(['Red', 'r', 'AMBER', 'a', ' green ', 'G'].map((t) => readRag(t))).toEqual(
      ['RED', 'RED', 'AMBER', 'AMBER', 'GREEN', 'GREEN'].map((value) => ({ value })),
    );
    expect(['', null, 'Not yet rated', 'NYR'].map((t) => readRag(t))).toEqual([null, null, null, null].map((value) => ({ value })));
  });

  it('refuses Blue with the reason, and anything else as not a rating', () => {
    expect(readRag('Blue')).toMatchObject({ code: 'BLUE_NOT_IMPORTABLE' });
    expect(readRag('Complete')).toMatchObject({ code: 'BLUE_NOT_IMPORTABLE' });
    expect(readRag('Amber/Green')).toMatchObject({ code: 'BAD_RAG', message: expect.stringContaining('"Amber/Green"') });
  });
});

describe('areas and priorities', () => {
  const areas = [...IMPROVEMENT_AREAS];
  const priorities = [...RECOVERY_PRIORITIES];

  it('reads an area by number, by name, or both when they agree', () => {
    for (const text of ['8', 'Area 8', 'managing resources', '8 - Managing Resources', '8. Managing resources']) {
      expect(readNumbered(text, areas, 'area')).toEqual({ value: 8 });
    }
    expect(readNumbered('9', areas, 'area')).toMatchObject({ code: 'UNKNOWN_AREA' });
    expect(readNumbered('8 - Sufficiency', areas, 'area')).toMatchObject({ code: 'UNKNOWN_AREA', message: '"8 - Sufficiency": area 8 is "Managing Resources", not "Sufficiency"' });
    expect(readNumbered('Finance', areas, 'area')).toMatchObject({ code: 'UNKNOWN_AREA' });
  });

  it('reads zero or more priorities, by number or name, separated by semicolons, commas or lines', () => {
    expect(readPriorities('1; 7', priorities)).toEqual({ value: [1, 7] });
    expect(readPriorities('P7,\nProvide support at an earlier stage', priorities)).toEqual({ value: [2, 7] });
    expect(readPriorities('Provide strong financial oversight and governance', priorities)).toEqual({ value: [7] });
    expect(readPriorities('', priorities)).toEqual({ value: [] });
    expect(readPriorities(7, priorities)).toEqual({ value: [7] });
  });

  it('names every priority it does not know', () => {
    const read = readPriorities('1; 9; Better outcomes', priorities);
    expect(read).toMatchObject({ code: 'UNKNOWN_PRIORITY' });
    expect((read as { message: string }).message).toContain('"9"');
    expect((read as { message: string }).message).toContain('"Better outcomes"');
  });
});
