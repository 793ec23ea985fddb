import { NODE_END_OF_LIFE, runtimeSupport } from './node-runtime';

describe('runtimeSupport', () => {
  it('supports an LTS line up to and including its end-of-life day, and not the day after', () => {
    expect(runtimeSupport('24.22.3', '2028-04-30')).toEqual({ supported: true, endOfLife: '2028-04-30' });
    expect(runtimeSupport('24.22.3', '2028-05-01')).toMatchObject({ supported: false, reason: expect.stringContaining('end of life on 30 April 2028') });
  });

  it('does not support Node 20 after April 2026, nor a line it has no date for', () => {
    expect(runtimeSupport('20.20.2', '2026-12-07')).toMatchObject({ supported: false });
    expect(runtimeSupport('25.1.0', '2026-12-07')).toMatchObject({ supported: false, reason: expect.stringContaining('not a long-term-support line') });
  });

  it('lists dates in order of the lines', () => {
    const lines = Object.entries(NODE_END_OF_LIFE).map(([major, date]) => [Number(major), date] as const);
    for (let i = 1; i < lines.length; i += 1) expect(lines[i][1] > lines[i - 1][1]).toBe(true);
  });
});

// The suite itself is the check that keeps the project current: it fails on a Node past its end of life.
describe('the Node running this suite', () => {
  it(`is a supported LTS line today (${process.versions.node})`, () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(runtimeSupport(process.versions.node, today)).toMatchObject({ supported: true });
  });
});
