import { Pence } from './money';

/** Amounts are whole pence. Deficits are never stored: they follow from these by high-needs-position.ts. */
export type HighNeedsPositionStarted = {
  type: 'HighNeedsPositionStarted';
  data: { planId: string; firstYear: string; openingCumulativeDeficit: Pence };
};

/** `revision` counts from 1 for the year's first figures, so a revision is visible in one event. */
export type HighNeedsYearSet = {
  type: 'HighNeedsYearSet';
  data: { planId: string; year: string; dsgAllocation: Pence; budget: Pence; revision: number; reason: string | null };
};

/** `revision` counts the forecasts recorded for the quarter, 1 for the first. */
export type HighNeedsForecastRecorded = {
  type: 'HighNeedsForecastRecorded';
  data: { planId: string; period: string; forecastOutturn: Pence; commentary: string; revision: number };
};

export type DeficitTrajectorySet = {
  type: 'DeficitTrajectorySet';
  data: { planId: string; year: string; cumulativeDeficit: Pence; amberTolerance: Pence; reason: string };
};

export type HighNeedsEvent = HighNeedsPositionStarted | HighNeedsYearSet | HighNeedsForecastRecorded | DeficitTrajectorySet;

/** Current schema version of each High Needs event; bump with an upcaster, never edit in place. */
export const HIGH_NEEDS_EVENT_VERSIONS: Record<HighNeedsEvent['type'], number> = {
  HighNeedsPositionStarted: 1,
  HighNeedsYearSet: 1,
  HighNeedsForecastRecorded: 1,
  DeficitTrajectorySet: 1,
};
