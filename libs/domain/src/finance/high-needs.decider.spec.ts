import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { HighNeedsCommand } from './high-needs.commands';
import { decideHighNeeds, evolveHighNeeds, HighNeedsDecisionContext, HighNeedsState, initialHighNeedsState } from './high-needs.decider';
import { HighNeedsEvent } from './high-needs.events';

const meta = (now = '2025-10-20T10:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: HighNeedsEvent[]): HighNeedsState => events.reduce(evolveHighNeeds, initialHighNeedsState());
const context: HighNeedsDecisionContext = { plan: { status: 'active', planId: 'p1' } as PlanState };
const when = (command: HighNeedsCommand, state: HighNeedsState, now?: string) => decideHighNeeds(command, state, meta(now), context);

const started: HighNeedsEvent = { type: 'HighNeedsPositionStarted', data: { planId: 'p1', firstYear: '2024/25', openingCumulativeDeficit: 6_351_200_000 } };
const year2024: HighNeedsEvent = { type: 'HighNeedsYearSet', data: { planId: 'p1', year: '2024/25', dsgAllocation: 36_583_000_000, budget: 42_333_000_000, revision: 1, reason: null } };
const setYear = (year: string, reason?: string): HighNeedsCommand => ({ type: 'SetHighNeedsYear', data: { planId: 'p1', year, dsgAllocation: '365830000', budget: '423330000', reason } });
const forecast = (period: string, forecastOutturn = '436830000', commentary = 'Placements in independent special schools up 12%'): HighNeedsCommand => ({
  type: 'RecordHighNeedsForecast',
  data: { planId: 'p1', period, forecastOutturn, commentary },
});

describe('starting the High Needs Block position', () => {
  const start = (data: Partial<{ firstYear: string; openingCumulativeDeficit: string }> = {}): HighNeedsCommand => ({
    type: 'StartHighNeedsPosition',
    data: { planId: 'p1', firstYear: '2024/25', openingCumulativeDeficit: '63512000', ...data },
  });

  it('records the first year and the opening cumulative deficit in pence', () => {
    expect(when(start(), given([]))).toEqual([started]);
  });

  it('takes an opening surplus as a negative deficit', () => {
    expect(when(start({ openingCumulativeDeficit: '-1500000.50' }), given([]))[0].data).toMatchObject({ openingCumulativeDeficit: -150_000_050 });
  });

  it('refuses a second start, a missing plan, and bad figures, naming the field', () => {
    expect(refusal(() => when(start(), given([started]))).rule).toBe('highNeedsPositionIsNew');
    expect(refusal(() => decideHighNeeds(start(), given([]), meta(), {})).rule).toBe('planExists');
    expect(refusal(() => when(start({ firstYear: '2024/2025' }), given([])))).toMatchObject({ field: 'firstYear', rule: 'financialPeriod' });
    expect(refusal(() => when(start({ firstYear: '2024/25 Q1' }), given([])))).toMatchObject({ field: 'firstYear', rule: 'financialPeriod' });
    expect(refusal(() => when(start({ openingCumulativeDeficit: '£63.5m' }), given([])))).toMatchObject({ field: 'openingCumulativeDeficit', rule: 'money' });
  });

  it('refuses anything else before the position is started', () => {
    expect(refusal(() => when(setYear('2024/25'), given([]))).rule).toBe('highNeedsPositionExists');
  });
});

describe('setting a year', () => {
  it('sets the first year, then each next one, without gaps', () => {
    expect(when(setYear('2024/25'), given([started]))).toEqual([year2024]);
    expect(when(setYear('2025/26'), given([started, year2024]))[0].data).toMatchObject({ year: '2025/26', revision: 1 });
    expect(refusal(() => when(setYear('2026/27'), given([started, year2024])))).toMatchObject({ field: 'year', rule: 'yearInSequence' });
    expect(refusal(() => when(setYear('2023/24'), given([started])))).toMatchObject({ field: 'year', rule: 'yearInSequence' });
    expect(refusal(() => when(setYear('2025/26'), given([started])))).toMatchObject({ field: 'year', rule: 'yearInSequence' });
  });

  it('revises a year only with a reason, and counts the revision', () => {
    expect(refusal(() => when(setYear('2024/25'), given([started, year2024])))).toMatchObject({ field: 'reason', rule: 'reasonForRevision' });
    expect(when(setYear('2024/25', 'Recoupment confirmed in July'), given([started, year2024]))[0].data).toMatchObject({ revision: 2, reason: 'Recoupment confirmed in July' });
  });

  it('names the field of a bad amount', () => {
    const bad: HighNeedsCommand = { type: 'SetHighNeedsYear', data: { planId: 'p1', year: '2024/25', dsgAllocation: '365830000', budget: '-1' } };
    expect(refusal(() => when(bad, given([started])))).toMatchObject({ field: 'budget', rule: 'notNegative' });
  });
});

describe('recording a quarter’s forecast outturn', () => {
  it('records the forecast with its commentary, and counts revisions of the same quarter', () => {
    const first = when(forecast('2024/25 Q2'), given([started, year2024]));
    expect(first).toEqual([
      { type: 'HighNeedsForecastRecorded', data: { planId: 'p1', period: '2024/25 Q2', forecastOutturn: 43_683_000_000, commentary: 'Placements in independent special schools up 12%', revision: 1 } },
    ]);
    expect(when(forecast('2024/25 Q2', '440000000'), given([started, year2024, ...first]))[0].data).toMatchObject({ revision: 2 });
  });

  it('requires commentary, as a RAG update does', () => {
    expect(refusal(() => when(forecast('2024/25 Q2', '1', '  '), given([started, year2024])))).toMatchObject({ field: 'commentary', rule: 'required' });
  });

  it('requires a quarter, not a year, and of a year that has been set', () => {
    expect(refusal(() => when(forecast('2024/25'), given([started, year2024])))).toMatchObject({ field: 'period', rule: 'financialPeriod' });
    expect(refusal(() => when(forecast('2025/26 Q1'), given([started, year2024]))).rule).toBe('yearSet');
    expect(refusal(() => when(forecast('2023/24 Q4'), given([started, year2024])))).toMatchObject({ field: 'period', rule: 'yearInSequence' });
  });

  it('refuses a quarter that has not begun in London: 2025/26 Q3 starts on 1 October, 00:00 BST', () => {
    const year2025: HighNeedsEvent = { ...year2024, data: { ...year2024.data, year: '2025/26' } } as HighNeedsEvent;
    const state = given([started, year2024, year2025]);
    expect(refusal(() => when(forecast('2025/26 Q3'), state, '2025-09-30T22:59:59.999Z'))).toMatchObject({ field: 'period', rule: 'quarterStarted' });
    expect(when(forecast('2025/26 Q3'), state, '2025-09-30T23:00:00.000Z')[0].data).toMatchObject({ period: '2025/26 Q3' });
  });
});

describe('setting the trajectory', () => {
  const trajectory = (data: Partial<{ year: string; cumulativeDeficit: string; amberTolerance: string; reason: string }> = {}): HighNeedsCommand => ({
    type: 'SetDeficitTrajectory',
    data: { planId: 'p1', year: '2025/26', cumulativeDeficit: '183000000', amberTolerance: '5000000', reason: 'Recovery plan agreed by Schools Forum', ...data },
  });

  it('records the commitment for a year, future years included', () => {
    expect(when(trajectory(), given([started]))).toEqual([
      { type: 'DeficitTrajectorySet', data: { planId: 'p1', year: '2025/26', cumulativeDeficit: 18_300_000_000, amberTolerance: 500_000_000, reason: 'Recovery plan agreed by Schools Forum' } },
    ]);
    expect(when(trajectory({ year: '2029/30', cumulativeDeficit: '0' }), given([started]))[0].data).toMatchObject({ year: '2029/30', cumulativeDeficit: 0 });
  });

  it('names the field of each bad value', () => {
    expect(refusal(() => when(trajectory({ amberTolerance: '-1' }), given([started])))).toMatchObject({ field: 'amberTolerance' });
    expect(refusal(() => when(trajectory({ cumulativeDeficit: '1.234' }), given([started])))).toMatchObject({ field: 'cumulativeDeficit', rule: 'money' });
    expect(refusal(() => when(trajectory({ reason: '' }), given([started])))).toMatchObject({ field: 'reason', rule: 'required' });
    expect(refusal(() => when(trajectory({ year: '2023/24' }), given([started])))).toMatchObject({ field: 'year', rule: 'yearInSequence' });
  });
});
