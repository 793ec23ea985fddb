import { DomainError } from './domain-error';

/** Runs a decision that must be refused and hands back the error, so tests can read its rule. */
export function refusal(decide: () => unknown): DomainError {
  try {
    decide();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the command to be refused');
}
