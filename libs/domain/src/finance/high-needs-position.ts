import { compareFinancialPeriods, financialYearOf, parseFinancialPeriod } from '../shared/financial-period';
import { DeficitRating, rateAgainstTrajectory, TrajectoryPoint } from './deficit-rating';
import { Pence } from './money';

/** The figures as typed, the latest of each: what a fold of the stream up to some instant holds. */
export interface HighNeedsFacts {
  planId: string;
  firstYear: string;
  openingCumulativeDeficit: Pence;
  years: { year: string; dsgAllocation: Pence; budget: Pence; revision: number }[];
  forecasts: { period: string; forecastOutturn: Pence; commentary: string; revision: number; recordedAt: string }[];
  trajectory: TrajectoryPoint[];
}

export interface QuarterForecastPosition {
  period: string;
  forecastOutturn: Pence;
  commentary: string;
  revision: number;
  recordedAt: string;
  /** Forecast outturn less the year's DSG allocation. */
  inYearDeficit: Pence;
  /** Forecast outturn less the budget: positive is an overspend. */
  varianceAgainstBudget: Pence;
  /** The cumulative deficit this forecast implies at 31 March; null while the year's opening is unknown. */
  cumulativeDeficit: Pence | null;
  rating: DeficitRating | null;
}

export interface HighNeedsYearPosition {
  year: string;
  dsgAllocation: Pence;
  budget: Pence;
  revision: number;
  budgetedDeficit: Pence;
  /** Carried forward: the typed opening figure for the first year, the previous year's closing after. */
  openingCumulativeDeficit: Pence | null;
  forecasts: QuarterForecastPosition[];
  /** The latest quarter's forecast: the year's outturn once Q4 is in. Null before any forecast. */
  latest: QuarterForecastPosition | null;
  closingCumulativeDeficit: Pence | null;
  trajectory: TrajectoryPoint | null;
}

/**
 * Every deficit from the typed figures, never typed twice. A year's in-year deficit is its latest
 * quarter's forecast outturn less its DSG allocation; its closing cumulative deficit is its opening
 * plus that, and becomes the next year's opening. A year with no forecast yet has no closing figure,
 * and so no later year has an opening one until it does.
 */
export function deriveHighNeedsPosition(facts: HighNeedsFacts): HighNeedsYearPosition[] {
  const years = [...facts.years].sort((a, b) => a.year.localeCompare(b.year));
  const byPeriod = [...facts.forecasts].sort((a, b) => compareFinancialPeriods(parseFinancialPeriod(a.period)!, parseFinancialPeriod(b.period)!));
  const trajectory = new Map(facts.trajectory.map((t) => [t.year, t]));
  let opening: Pence | null = facts.openingCumulativeDeficit;
  return years.map((y) => {
    const yearTrajectory = trajectory.get(y.year) ?? null;
    const forecasts = byPeriod
      .filter((f) => financialYearOf(parseFinancialPeriod(f.period)!) === y.year)
      .map((f): QuarterForecastPosition => {
        const inYearDeficit = f.forecastOutturn - y.dsgAllocation;
        const cumulativeDeficit = opening === null ? null : opening + inYearDeficit;
        const rating = cumulativeDeficit === null || yearTrajectory === null ? null : rateAgainstTrajectory(cumulativeDeficit, yearTrajectory);
        return { ...f, inYearDeficit, varianceAgainstBudget: f.forecastOutturn - y.budget, cumulativeDeficit, rating };
      });
    const latest = forecasts.at(-1) ?? null;
    const position: HighNeedsYearPosition = {
      ...y,
      budgetedDeficit: y.budget - y.dsgAllocation,
      openingCumulativeDeficit: opening,
      forecasts,
      latest,
      closingCumulativeDeficit: latest?.cumulativeDeficit ?? null,
      trajectory: yearTrajectory,
    };
    opening = position.closingCumulativeDeficit;
    return position;
  });
}
