/** The RAG roll-up fields every view asks for, as one GraphQL selection. */
export const ROLL_UP_FIELDS = 'total red amber green blue notYetRated percentComplete overdue stale';

export interface RollUp {
  total: number;
  red: number;
  amber: number;
  green: number;
  blue: number;
  notYetRated: number;
  percentComplete: number;
  overdue: number;
  stale: number;
}
