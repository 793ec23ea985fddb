import { actionStream, fundingStream, highNeedsStream, quarterlyReturnStream, reminderStream, riskStream } from '@send/domain';
import { WrongExpectedRevisionError } from '@send/event-store';
import { conflictSubject } from './conflict-subject';
import { toGraphQLError } from './to-graphql-error';

describe('conflictSubject', () => {
  it.each([
    [actionStream('a1'), 'The action'],
    [riskStream('r1'), 'The risk'],
    [highNeedsStream('p1'), 'The High Needs Block position'],
    [fundingStream('p1'), "The plan's money on actions"],
    [quarterlyReturnStream('p1', { startYear: 2025, quarter: 4 }), 'The quarterly return'],
    [reminderStream('x'), 'The reminder'],
    ['$stream-of-the-store', 'It'],
  ])('names what %s is', (stream, subject) => {
    expect(conflictSubject(stream)).toBe(subject);
  });

  it('leads the CONFLICT a stale write gets, so a stale risk is not called an action', () => {
    const error = toGraphQLError(new WrongExpectedRevisionError(riskStream('r1'), 3n, 4n));
    expect(error.message).toMatch(/^The risk has changed since you loaded it: /);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', expectedRevision: '3', currentRevision: 4 });
  });
});
