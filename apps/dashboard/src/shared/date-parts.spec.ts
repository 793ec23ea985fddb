/// <reference types="jest" />
// The dashboard compiles for the browser without test globals; its unit specs ask for them here.
import { partsOf, readDate } from './date-parts';

const boxes = (day: string, month: string, year: string) => ({ day, month, year });

describe('a date typed in day, month and year boxes', () => {
  it('reads a real date into an ISO date, with a month in figures or in words', () => {
    expect(readDate(boxes('7', '12', '2026'), 'Date')).toEqual({ iso: '2026-12-07' });
    expect(readDate(boxes(' 07 ', 'Dec', '2026'), 'Date')).toEqual({ iso: '2026-12-07' });
    expect(readDate(boxes('29', 'february', '2028'), 'Date')).toEqual({ iso: '2028-02-29' });
  });

  it('asks for what is missing, naming the boxes', () => {
    expect(readDate(boxes('', '', ''), 'The as at date')).toEqual({ message: 'Enter the as at date', parts: ['day', 'month', 'year'] });
    expect(readDate(boxes('7', '12', ''), 'Date')).toEqual({ message: 'Enter the year', parts: ['year'] });
    expect(readDate(boxes('', '', '2026'), 'Date')).toEqual({ message: 'Enter the day and month', parts: ['day', 'month'] });
  });

  it('refuses a date that does not exist, and marks the box that is wrong', () => {
    expect(readDate(boxes('31', '2', '2026'), 'Date')).toEqual({ message: 'Date must be a real date', parts: ['day'] });
    expect(readDate(boxes('29', '2', '2026'), 'Date')).toEqual({ message: 'Date must be a real date', parts: ['day'] });
    expect(readDate(boxes('7', '13', '2026'), 'Date')).toEqual({ message: 'Date must be a real date', parts: ['month'] });
    expect(readDate(boxes('seven', 'Ju', '2026'), 'Date')).toEqual({ message: 'Date must be a real date', parts: ['day', 'month'] });
    expect(readDate(boxes('7', '12', '26'), 'Date')).toEqual({ message: 'Year must include 4 numbers', parts: ['year'] });
  });

  it('refuses a date after the last one allowed', () => {
    expect(readDate(boxes('8', '12', '2026'), 'Date', { notAfter: '2026-12-07' })).toEqual({ message: 'Date must be today or in the past', parts: ['day', 'month', 'year'] });
    expect(readDate(boxes('7', '12', '2026'), 'Date', { notAfter: '2026-12-07' })).toEqual({ iso: '2026-12-07' });
  });

  it('fills the boxes from an ISO date', () => {
    expect(partsOf('2026-03-07')).toEqual(boxes('7', '3', '2026'));
    expect(partsOf('')).toEqual(boxes('', '', ''));
  });
});
