import { prettyLine } from './pretty-log';

describe('Pretty log lines for a terminal', () => {
  it('show the time in London, the level, context and message, then the other fields', () => {
    const json = JSON.stringify({ level: 'info', time: '2026-07-01T09:05:03.120Z', service: 'send-tracker', pid: 1, context: 'Startup', msg: 'GraphQL ready' });
    expect(prettyLine(json)).toBe('10:05:03 INFO  [Startup] GraphQL ready\n');
  });

  it('name a security event and keep its fields', () => {
    const json = JSON.stringify({ level: 'warn', time: '2026-12-07T08:10:03.000Z', event: 'security.refusal', msg: 'refused: FORBIDDEN', userId: 'dfe-adviser', code: 'FORBIDDEN' });
    expect(prettyLine(json)).toBe('08:10:03 WARN  security.refusal refused: FORBIDDEN userId=dfe-adviser code=FORBIDDEN\n');
  });

  it('pass through a line that is not JSON', () => {
    expect(prettyLine('plain words\n')).toBe('plain words\n');
  });
});
