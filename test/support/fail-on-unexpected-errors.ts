import { takeUnexpectedErrors } from './app-errors';

// Every e2e file runs this (jest.config.js setupFilesAfterEnv): an ERROR the app logged that the
// test did not declare fails the test during which it appeared (or the file, if between tests).
function check(when: string): void {
  const errors = takeUnexpectedErrors();
  if (errors.length === 0) return;
  throw new Error(
    `The app logged ${errors.length} ERROR line(s) ${when} that no test declared (startTestApp({ expectedErrors }) or app.expectErrors(pattern) if deliberate):\n${errors.join('\n')}`,
  );
}

afterEach(() => check('during this test'));
afterAll(() => check('after the last test'));
