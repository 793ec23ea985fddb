import { endOfLondonDay, londonDateOf, londonWallClock } from './london-day';

// In 2026 the clocks go forward at 01:00 UTC on Sunday 29 March and back at 01:00 UTC on Sunday 25 October.
describe('londonDateOf: the UK day an instant falls on', () => {
  it.each([
    ['a winter evening, where UTC and London agree', '2026-01-15T23:30:00.000Z', '2026-01-15'],
    ['a winter midnight, where UTC and London agree', '2026-12-31T23:59:59.999Z', '2026-12-31'],
    ['23:30Z on 31 March, which is 00:30 BST on 1 April', '2026-03-31T23:30:00.000Z', '2026-04-01'],
    ['00:30 BST on 1 August', '2026-07-31T23:30:00.000Z', '2026-08-01'],
    ['the last minute of a summer day in London', '2026-07-31T22:59:59.999Z', '2026-07-31'],
    ['23:30Z the night before the clocks go forward (still GMT)', '2026-03-28T23:30:00.000Z', '2026-03-28'],
    ['23:30Z on the day the clocks went forward (now BST)', '2026-03-29T23:30:00.000Z', '2026-03-30'],
    ['23:30Z the night before the clocks go back (still BST)', '2026-10-24T23:30:00.000Z', '2026-10-25'],
    ['23:30Z on the day the clocks went back (now GMT)', '2026-10-25T23:30:00.000Z', '2026-10-25'],
    ['an instant with an offset', '2026-06-01T00:30:00+01:00', '2026-06-01'],
  ])('%s', (_case, instant, day) => {
    expect(londonDateOf(instant)).toBe(day);
  });

  it('refuses what is not an instant rather than guessing a day', () => {
    expect(() => londonDateOf('31/03/2026')).toThrow(/Not an ISO instant: "31\/03\/2026"/);
  });
});

describe('endOfLondonDay: the last instant of a UK day', () => {
  it.each([
    ['a winter day ends at 23:59:59.999Z', '2026-12-31', '2026-12-31T23:59:59.999Z'],
    ['a summer day ends an hour earlier in UTC', '2026-06-30', '2026-06-30T22:59:59.999Z'],
    ['31 March (BST) ends at 22:59:59.999Z', '2026-03-31', '2026-03-31T22:59:59.999Z'],
    ['the Saturday before the clocks go forward is still GMT', '2026-03-28', '2026-03-28T23:59:59.999Z'],
    ['the Sunday the clocks go forward ends in BST', '2026-03-29', '2026-03-29T22:59:59.999Z'],
    ['the Saturday before the clocks go back is still BST', '2026-10-24', '2026-10-24T22:59:59.999Z'],
    ['the Sunday the clocks go back ends in GMT', '2026-10-25', '2026-10-25T23:59:59.999Z'],
  ])('%s', (_case, day, instant) => {
    expect(endOfLondonDay(day)).toBe(instant);
  });

  it.each(['2026-03-28', '2026-03-29', '2026-03-31', '2026-10-24', '2026-10-25', '2026-12-31'])('%s: its end is that day and the next millisecond is the next day', (day) => {
    const end = endOfLondonDay(day);
    expect(londonDateOf(end)).toBe(day);
    expect(londonDateOf(new Date(Date.parse(end) + 1).toISOString())).not.toBe(day);
  });

  it('refuses what is not a date', () => {
    expect(() => endOfLondonDay('2026-13-45x')).toThrow(/Not a calendar date/);
  });
});

describe('londonWallClock: what a London clock showed', () => {
  it.each([
    ['GMT in winter', '2026-01-15T09:05:00.000Z', '2026-01-15T09:05:00.000'],
    ['BST in summer', '2026-03-31T22:59:59.999Z', '2026-03-31T23:59:59.999'],
    ['the first BST minute, 01:00Z on 29 March', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000'],
    ['the last BST minute before the clocks go back', '2026-10-25T00:59:00.000Z', '2026-10-25T01:59:00.000'],
    ['the first GMT minute after the clocks go back', '2026-10-25T01:00:00.000Z', '2026-10-25T01:00:00.000'],
  ])('%s', (_case, instant, wall) => {
    expect(londonWallClock(instant)).toBe(wall);
  });
});

describe('londonDateOf agrees with Intl minute by minute across both clock changes', () => {
  const reference = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
  it.each([
    ['the spring change', '2026-03-28T20:00:00.000Z'],
    ['the autumn change', '2026-10-24T20:00:00.000Z'],
  ])('%s', (_case, from) => {
    const start = Date.parse(from);
    for (let minute = 0; minute < 36 * 60; minute += 7) {
      const instant = new Date(start + minute * 60_000 + 123).toISOString();
      expect([instant, londonDateOf(instant)]).toEqual([instant, reference.format(Date.parse(instant))]);
    }
  });
});
