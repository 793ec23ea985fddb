import { Logger } from '@nestjs/common';
import { AppErrorWatch, takeUnexpectedErrors } from './support/app-errors';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(30_000);

// The watch that fails any e2e test during which the app logged an ERROR nobody declared
// (test/support/fail-on-unexpected-errors.ts runs the check after each test).
describe('Unexpected ERROR lines from the app fail the test', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it("catches an error the real app logs through its own logger, with the line's text", () => {
    new Logger('Projections').error('Projection batch failed; will retry: SqliteError: database is locked');
    const caught = takeUnexpectedErrors();
    expect(caught).toHaveLength(1);
    expect(JSON.parse(caught[0])).toMatchObject({ level: 'error', context: 'Projections', msg: expect.stringContaining('database is locked') });
  });

  it('lets through an error the test declared, and only while declared', () => {
    const withdraw = app.expectErrors(/database is locked/);
    new Logger('Projections').error('Projection batch failed; will retry: SqliteError: database is locked');
    expect(takeUnexpectedErrors()).toEqual([]);
    withdraw();
    new Logger('Projections').error('Projection batch failed; will retry: SqliteError: database is locked');
    expect(takeUnexpectedErrors()).toHaveLength(1);
  });

  it('counts errors and fatals, not warnings or refusals', () => {
    const watch = new AppErrorWatch();
    const log = watch.destination();
    log.write('{"level":"warn","event":"security.refusal","msg":"FORBIDDEN"}\n');
    log.write('{"level":"info","msg":"request"}\n');
    log.write('not json at all\n');
    expect(takeUnexpectedErrors()).toEqual([]);
    log.write('{"level":"fatal","msg":"out of memory"}\n');
    log.write('{"level":"error","msg":"boom"}\n');
    expect(takeUnexpectedErrors()).toHaveLength(2);
  });
});
