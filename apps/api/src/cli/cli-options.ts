import { parseArgs, ParseArgsConfig } from 'node:util';

/**
 * A command's options, strictly: an unknown or incomplete one is refused with the command's usage
 * (as `makeError` words it), not a stack trace.
 */
export function parseCliOptions<T extends ParseArgsConfig['options']>(options: T, usage: string, makeError: (message: string) => Error) {
  try {
    return parseArgs({ options, strict: true });
  } catch (error) {
    throw makeError(`${(error as Error).message}. ${usage}`);
  }
}
