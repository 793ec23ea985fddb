/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { britishDatesIn, longDate, shortDate, ukDateOf, ukDateTime } from './uk-dates';

describe('UK dates', () => {
  it('writes a calendar date GOV.UK style, and short for tables', () => {
    expect(longDate('2026-12-07')).toBe('7 December 2026');
    expect(shortDate('2026-12-07')).toBe('7 Dec 2026');
    expect(shortDate('2026-09-30')).toBe('30 Sep 2026');
  });

  it('leaves what is not an ISO date as it came', () => {
    expect(longDate('2025-26')).toBe('2025-26');
  });

  it('reads instants in UK local time across the clock changes', () => {
    // British Summer Time: one hour ahead of UTC, so late evening UTC is the next day in London.
    expect(ukDateOf('2026-05-31T23:30:00.000Z')).toBe('2026-06-01');
    expect(ukDateTime('2026-06-15T13:05:00.000Z')).toBe('15 June 2026 at 2:05pm');
    // Greenwich Mean Time in winter: UTC itself.
    expect(ukDateOf('2026-12-31T23:30:00.000Z')).toBe('2026-12-31');
    expect(ukDateTime('2026-12-07T09:00:00.000Z')).toBe('7 December 2026 at 9:00am');
    expect(ukDateTime('2026-03-31T23:00:00.000Z')).toBe('1 April 2026 at midnight');
  });

  it('rewrites the dates inside a sentence and nothing else', () => {
    expect(britishDatesIn('Progress as at 2026-12-06: RAG stays Green. Ref 2026-12-06T10:00')).toBe(
      'Progress as at 6 December 2026: RAG stays Green. Ref 2026-12-06T10:00',
    );
  });
});
