import { Pence } from './money';

export const DEFICIT_RATINGS = ['GREEN', 'AMBER', 'RED'] as const;
export type DeficitRating = (typeof DEFICIT_RATINGS)[number];

/** What the recovery plan commits to for one year: the cumulative deficit at 31 March, and how far above it is Amber. */
export interface TrajectoryPoint {
  year: string;
  cumulativeDeficit: Pence;
  amberTolerance: Pence;
}

/**
 * A forecast year-end cumulative deficit against the trajectory. At or below the commitment is
 * Green; above it by no more than the tolerance is Amber; beyond that Red. Above the trajectory is
 * never Green, whatever the tolerance: a £113m deficit against a £183m commitment is Green, a
 * £184m one is not.
 */
export function rateAgainstTrajectory(forecastCumulativeDeficit: Pence, trajectory: TrajectoryPoint): DeficitRating {
  const over = forecastCumulativeDeficit - trajectory.cumulativeDeficit;
  if (over <= 0) return 'GREEN';
  return over <= trajectory.amberTolerance ? 'AMBER' : 'RED';
}
