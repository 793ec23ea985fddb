import { financialYearOfDate, formatMillions, londonDateOf, parseFinanceLineId, PRIORITY_SAVINGS_LINE } from '@send/domain';
import { HighNeedsPositionModel, HighNeedsYearModel } from '../finance/models/high-needs.model';
import { MoneyModel } from '../finance/models/money.model';
import { PlanFinanceModel } from '../finance/models/plan-finance.model';
import { ConditionFinanceLineModel, ConditionFinanceLineRating } from './models/condition-finance-line.model';

/** The finance figures of one instant that a condition's lines read: the High Needs position and the plan's money by priority. */
export interface FinanceAtInstant {
  /** The instant read (now, or the register's as-at instant): a priority's line shows the year it falls in. */
  instant: string;
  highNeeds: HighNeedsPositionModel | null;
  planFinance: PlanFinanceModel | null;
}

const pence = (m: MoneyModel) => Number(m.pence);

const RATING_WORDS: Record<ConditionFinanceLineRating, string> = {
  GREEN: 'Green',
  AMBER: 'Amber',
  RED: 'Red',
  OVER_BUDGET: 'over budget',
  WITHIN_BUDGET: 'within budget',
  SHORTFALL: 'shortfall',
  TARGET_MET: 'target met',
};

/** The newest year with a forecast: the High Needs position as the finance lead last reported it. */
const latestForecastYear = (position: HighNeedsPositionModel | null): (HighNeedsYearModel & { latest: NonNullable<HighNeedsYearModel['latest']> }) | undefined =>
  position?.years.filter((y): y is HighNeedsYearModel & { latest: NonNullable<HighNeedsYearModel['latest']> } => y.latest !== null).at(-1);

type Figures = Pick<ConditionFinanceLineModel, 'year' | 'period' | 'figure' | 'against' | 'rating' | 'summary'>;
const NO_FIGURE = { year: null, period: null, figure: null, against: null, rating: null };

function cumulativeDeficit(position: HighNeedsPositionModel | null): Figures {
  const year = latestForecastYear(position);
  const forecast = year?.latest;
  if (!year || !forecast?.cumulativeDeficit) return { ...NO_FIGURE, summary: 'No cumulative deficit forecast yet' };
  const figure = forecast.cumulativeDeficit;
  const against = year.trajectory?.cumulativeDeficit ?? null;
  const rating = forecast.rating;
  const summary = `${figure.millions} forecast for 31 March (${forecast.period}) against ${against ? `the ${against.millions} trajectory` : 'no trajectory set'}${rating ? `: ${RATING_WORDS[rating]}` : ''}`;
  return { year: year.year, period: forecast.period, figure, against, rating, summary };
}

function inYearDeficit(position: HighNeedsPositionModel | null): Figures {
  const year = latestForecastYear(position);
  if (!year) return { ...NO_FIGURE, summary: 'No in-year forecast yet' };
  const forecast = year.latest;
  const over = pence(forecast.varianceAgainstBudget);
  const rating: ConditionFinanceLineRating = over > 0 ? 'OVER_BUDGET' : 'WITHIN_BUDGET';
  const by = over === 0 ? '' : ` by ${formatMillions(Math.abs(over))}`;
  const summary = `${forecast.inYearDeficit.millions} in-year deficit forecast (${forecast.period}) against ${year.budgetedDeficit.millions} budgeted: ${RATING_WORDS[rating]}${by}`;
  return { year: year.year, period: forecast.period, figure: forecast.inYearDeficit, against: year.budgetedDeficit, rating, summary };
}

/** The year the instant falls in, or the newest earlier year with a target: a new year shows last year's until its target is set. */
function prioritySavings(finance: PlanFinanceModel | null, priorityNumber: number, instant: string): Figures {
  const thisYear = financialYearOfDate(londonDateOf(instant));
  const year = finance?.priorities
    .find((p) => p.number === priorityNumber)
    ?.years.filter((y) => y.year <= thisYear && y.target !== null)
    .at(-1);
  if (!year?.target) return { ...NO_FIGURE, summary: 'No savings target set yet' };
  const shortfall = pence(year.target) - pence(year.savingsEvidenced);
  const rating: ConditionFinanceLineRating = shortfall > 0 ? 'SHORTFALL' : 'TARGET_MET';
  const summary = `${year.savingsEvidenced.millions} savings evidenced against a ${year.target.millions} target for ${year.year}: ${rating === 'SHORTFALL' ? `shortfall of ${formatMillions(shortfall)}` : RATING_WORDS[rating]}`;
  return { year: year.year, period: null, figure: year.savingsEvidenced, against: year.target, rating, summary };
}

/** Each linked line with its label and its figure at the instant; an id the domain no longer knows is left out. */
export function financeLineModels(ids: string[], finance: FinanceAtInstant): ConditionFinanceLineModel[] {
  return ids.flatMap((id): ConditionFinanceLineModel[] => {
    const line = parseFinanceLineId(id);
    if (!line) return [];
    if (line.line === PRIORITY_SAVINGS_LINE) {
      const name = finance.planFinance?.priorities.find((p) => p.number === line.priorityNumber)?.name;
      const label = `Priority ${line.priorityNumber}${name ? ` (${name})` : ''} savings against its target for the year`;
      return [{ id, line: line.line, priorityNumber: line.priorityNumber, label, ...prioritySavings(finance.planFinance, line.priorityNumber, finance.instant) }];
    }
    return line.line === 'HIGH_NEEDS_CUMULATIVE_DEFICIT'
      ? [{ id, line: line.line, priorityNumber: null, label: 'High Needs Block cumulative deficit against the trajectory', ...cumulativeDeficit(finance.highNeeds) }]
      : [{ id, line: line.line, priorityNumber: null, label: 'High Needs Block in-year deficit against the budget', ...inYearDeficit(finance.highNeeds) }];
  });
}

/** A line in a few words, for a table cell: its label and its rating ("…against the trajectory: Amber"). */
export const financeLineInBrief = (line: Pick<ConditionFinanceLineModel, 'label' | 'rating'>): string => `${line.label}: ${line.rating ? RATING_WORDS[line.rating] : 'no figure yet'}`;
