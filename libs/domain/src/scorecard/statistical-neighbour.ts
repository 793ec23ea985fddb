import { InvalidValueError } from '../shared/domain-error';
import { Comparator } from './metric.commands';

/**
 * One named council among the local area's statistical neighbours (the DfE's list of the ten
 * most similar areas), compared one by one rather than only through their median. Councils are
 * named as the papers name them ("Southend-on-Sea"), so the name is text, not a fixed list: every
 * local area has its own ten.
 */
export const NEIGHBOUR_NAME_MAX = 60;

/** A named neighbour's figure, or one of the published aggregates that name no council. */
export function requireNeighbour(comparator: Comparator, neighbour: unknown): string | null {
  const given = typeof neighbour === 'string' ? neighbour.trim() : neighbour;
  if (comparator !== 'STATISTICAL_NEIGHBOUR') {
    if (given === undefined || given === null || given === '') return null;
    throw new InvalidValueError('neighbour', 'neighbourOnlyForStatisticalNeighbour', 'neighbour names a council only for the STATISTICAL_NEIGHBOUR comparator');
  }
  if (typeof given !== 'string' || given === '') {
    throw new InvalidValueError('neighbour', 'neighbourRequired', 'neighbour must name the council for a STATISTICAL_NEIGHBOUR comparator, e.g. "Kent"');
  }
  if (given.length > NEIGHBOUR_NAME_MAX) throw new InvalidValueError('neighbour', `maxLength:${NEIGHBOUR_NAME_MAX}`, `neighbour must be at most ${NEIGHBOUR_NAME_MAX} characters`);
  return given;
}

/** Where a comparator's value is kept for a period: each named neighbour apart from the others and from the aggregates. */
export const comparatorKey = (comparator: Comparator, neighbour: string | null): string => (neighbour === null ? comparator : `${comparator}:${neighbour}`);
