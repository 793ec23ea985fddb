import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { financialPeriodStartDate, financialYearOf, financialYearStarting, parseFinancialPeriod } from '../shared/financial-period';
import { requireText } from '../shared/guards';
import { londonDateOf } from '../shared/london-day';
import { HighNeedsCommand } from './high-needs.commands';
import {
  FinancialPeriodFormatError,
  ForecastForFutureQuarterError,
  HighNeedsPlanNotFoundError,
  HighNeedsPositionNotStartedError,
  HighNeedsPositionStartedError,
  HighNeedsYearNotSetError,
  HighNeedsYearOutOfSequenceError,
  RevisionReasonRequiredError,
} from './high-needs.errors';
import { HighNeedsEvent } from './high-needs.events';
import { parsePounds } from './money';

/** What the rules need: the years set (and how often), and how many forecasts each quarter has had. */
export type HighNeedsState =
  | { exists: false }
  | { exists: true; planId: string; firstYear: string; yearRevisions: Record<string, number>; forecastRevisions: Record<string, number> };

/** The plan the position is started for; the command handler loads it. */
export interface HighNeedsDecisionContext {
  plan?: PlanState;
}

export const initialHighNeedsState = (): HighNeedsState => ({ exists: false });

export function evolveHighNeeds(state: HighNeedsState, event: HighNeedsEvent): HighNeedsState {
  if (event.type === 'HighNeedsPositionStarted') {
    return { exists: true, planId: event.data.planId, firstYear: event.data.firstYear, yearRevisions: {}, forecastRevisions: {} };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'HighNeedsYearSet':
      return { ...state, yearRevisions: { ...state.yearRevisions, [event.data.year]: event.data.revision } };
    case 'HighNeedsForecastRecorded':
      return { ...state, forecastRevisions: { ...state.forecastRevisions, [event.data.period]: event.data.revision } };
    case 'DeficitTrajectorySet':
      return state;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function requireYear(field: string, value: unknown): string {
  const period = parseFinancialPeriod(value);
  if (period?.kind !== 'FINANCIAL_YEAR') throw new FinancialPeriodFormatError(field, value, 'year');
  return period.text;
}

/** The year after, "2025/26" → "2026/27". */
const nextYear = (year: string): string => financialYearStarting(Number(year.slice(0, 4)) + 1);

/** A year the position may speak of: from its first year on (earlier years are in the opening figure). */
function requireYearInPosition(field: string, value: unknown, firstYear: string): string {
  const year = requireYear(field, value);
  if (year < firstYear) throw new HighNeedsYearOutOfSequenceError(field, year, firstYear);
  return year;
}

export function decideHighNeeds(command: HighNeedsCommand, state: HighNeedsState, metadata: CommandMetadata, context: HighNeedsDecisionContext = {}): HighNeedsEvent[] {
  if (command.type === 'StartHighNeedsPosition') {
    const d = command.data;
    if (state.exists) throw new HighNeedsPositionStartedError(d.planId);
    if (context.plan?.status !== 'active' || context.plan.planId !== d.planId) throw new HighNeedsPlanNotFoundError(d.planId);
    const firstYear = requireYear('firstYear', d.firstYear);
    const openingCumulativeDeficit = parsePounds('openingCumulativeDeficit', d.openingCumulativeDeficit, { allowNegative: true });
    return [{ type: 'HighNeedsPositionStarted', data: { planId: d.planId, firstYear, openingCumulativeDeficit } }];
  }
  if (!state.exists) throw new HighNeedsPositionNotStartedError(command.data.planId);
  const { planId, firstYear } = state;

  switch (command.type) {
    case 'SetHighNeedsYear': {
      const d = command.data;
      const year = requireYearInPosition('year', d.year, firstYear);
      const setYears = Object.keys(state.yearRevisions).sort();
      const expected = setYears.length === 0 ? firstYear : nextYear(setYears[setYears.length - 1]);
      const previous = state.yearRevisions[year] ?? 0;
      if (previous === 0 && year !== expected) throw new HighNeedsYearOutOfSequenceError('year', year, expected);
      const dsgAllocation = parsePounds('dsgAllocation', d.dsgAllocation);
      const budget = parsePounds('budget', d.budget);
      if (previous > 0 && !d.reason?.trim()) throw new RevisionReasonRequiredError(year);
      const reason = d.reason?.trim() ? requireText('reason', d.reason) : null;
      return [{ type: 'HighNeedsYearSet', data: { planId, year, dsgAllocation, budget, revision: previous + 1, reason } }];
    }
    case 'RecordHighNeedsForecast': {
      const d = command.data;
      const period = parseFinancialPeriod(d.period);
      if (period?.kind !== 'FINANCIAL_QUARTER') throw new FinancialPeriodFormatError('period', d.period, 'quarter');
      const year = requireYearInPosition('period', financialYearOf(period), firstYear);
      const starts = financialPeriodStartDate(period);
      if (starts > londonDateOf(metadata.now)) throw new ForecastForFutureQuarterError(period.text, starts);
      const forecastOutturn = parsePounds('forecastOutturn', d.forecastOutturn);
      const commentary = requireText('commentary', d.commentary);
      if (!state.yearRevisions[year]) throw new HighNeedsYearNotSetError(year);
      const revision = (state.forecastRevisions[period.text] ?? 0) + 1;
      return [{ type: 'HighNeedsForecastRecorded', data: { planId, period: period.text, forecastOutturn, commentary, revision } }];
    }
    case 'SetDeficitTrajectory': {
      const d = command.data;
      const year = requireYearInPosition('year', d.year, firstYear);
      const cumulativeDeficit = parsePounds('cumulativeDeficit', d.cumulativeDeficit, { allowNegative: true });
      const amberTolerance = parsePounds('amberTolerance', d.amberTolerance);
      return [{ type: 'DeficitTrajectorySet', data: { planId, year, cumulativeDeficit, amberTolerance, reason: requireText('reason', d.reason) } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
