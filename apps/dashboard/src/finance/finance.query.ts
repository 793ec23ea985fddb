import type { DeficitRating } from '@send/domain';

const MONEY = '{ pence }';

export const HIGH_NEEDS_QUERY = `query HighNeeds($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  highNeedsPosition(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    firstYear openingCumulativeDeficit ${MONEY}
    years {
      year dsgAllocation ${MONEY} budget ${MONEY} budgetedDeficit ${MONEY}
      openingCumulativeDeficit ${MONEY} closingCumulativeDeficit ${MONEY}
      forecasts { period periodLabel forecastOutturn ${MONEY} inYearDeficit ${MONEY} varianceAgainstBudget ${MONEY} cumulativeDeficit ${MONEY} rating commentary revision }
      latest { period rating }
      trajectory { cumulativeDeficit ${MONEY} amberTolerance ${MONEY} }
    }
    trajectory { year cumulativeDeficit ${MONEY} amberTolerance ${MONEY} }
    forecastHistory { period revision forecastOutturn ${MONEY} commentary recordedAt }
  }
}`;

/** Money as the API sends it: whole pence as a string of digits, exact however large. */
export interface Money {
  pence: string;
}

export interface HighNeedsForecast {
  period: string;
  periodLabel: string;
  forecastOutturn: Money;
  inYearDeficit: Money;
  varianceAgainstBudget: Money;
  cumulativeDeficit: Money | null;
  rating: DeficitRating | null;
  commentary: string;
  revision: number;
}

export interface HighNeedsYear {
  year: string;
  dsgAllocation: Money;
  budget: Money;
  budgetedDeficit: Money;
  openingCumulativeDeficit: Money | null;
  closingCumulativeDeficit: Money | null;
  forecasts: HighNeedsForecast[];
  latest: { period: string; rating: DeficitRating | null } | null;
  trajectory: { cumulativeDeficit: Money; amberTolerance: Money } | null;
}

export interface HighNeedsPosition {
  firstYear: string;
  openingCumulativeDeficit: Money;
  years: HighNeedsYear[];
  trajectory: { year: string; cumulativeDeficit: Money; amberTolerance: Money }[];
  forecastHistory: { period: string; revision: number; forecastOutturn: Money; commentary: string; recordedAt: string }[];
}

/**
 * £m as the board's papers write it, rounded half away from zero on the exact pence: no binary
 * float ever holds the amount. One decimal place for the High Needs Block (£113.3m); three for
 * money on actions (£0.143m), which the papers quote to the thousand pounds (£143k).
 */
export function boardMillions(money: Money | null | undefined, places: 1 | 3 = 1): string {
  if (!money) return '—';
  const pence = BigInt(money.pence);
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const unit = places === 1 ? 10_000_000n : 100_000n;
  const scale = places === 1 ? 10n : 1000n;
  const steps = (abs + unit / 2n) / unit;
  const text = `£${steps / scale}.${String(steps % scale).padStart(places, '0')}m`;
  return negative && steps > 0n ? `-${text}` : text;
}

/** Money on actions: £m to the thousand pounds, as the papers give an initiative's funding. */
export const actionMillions = (money: Money | null | undefined): string => boardMillions(money, 3);
