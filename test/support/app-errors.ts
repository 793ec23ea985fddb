import { LogDestination } from '../../apps/api/src/config/observability-config';

/**
 * ERROR lines the apps of this test file logged that no test declared: a projection batch that
 * fails and retries, a request that ends in a 500. The suite would otherwise stay green while the
 * app quietly went wrong; test/support/fail-on-unexpected-errors.ts fails the test that saw them.
 */
const unexpected: string[] = [];

export function takeUnexpectedErrors(): string[] {
  return unexpected.splice(0);
}

const ERROR_LEVELS = new Set(['error', 'fatal']);

/** Watches one app's log: ERROR lines matching none of `expected` are unexpected. */
export class AppErrorWatch {
  private readonly expected: RegExp[];

  constructor(expected: readonly RegExp[] = []) {
    this.expected = [...expected];
  }

  /** Declares an error this test provokes on purpose (a lock held by the test); the returned function withdraws it. */
  expect(pattern: RegExp): () => void {
    this.expected.push(pattern);
    return () => {
      const at = this.expected.indexOf(pattern);
      if (at >= 0) this.expected.splice(at, 1);
    };
  }

  /** The destination the app logs to: every line goes on to `next` (if any); unexpected errors are kept for the check. */
  destination(next?: LogDestination): LogDestination {
    return {
      write: (line: string) => {
        next?.write(line);
        if (!this.isError(line) || this.expected.some((pattern) => pattern.test(line))) return;
        unexpected.push(line.trimEnd());
      },
    };
  }

  private isError(line: string): boolean {
    try {
      return ERROR_LEVELS.has((JSON.parse(line) as { level?: string }).level ?? '');
    } catch {
      // Not JSON: not pino's, so not the app's log.
      return false;
    }
  }
}
