import { addDays, CalendarDate, financialPeriodStartDate, HighNeedsCommand, parseFinancialPeriod } from '@send/domain';
import { PLAN_LOADED_DAY } from './demo-history';
import { BOARD_MEETING_DAYS, DayOffset, DEMO_PLAN_ID } from './demo-script';

/** A step of the demo's High Needs Block position: when the programme office typed it, and the command. */
export interface DemoHighNeedsStep {
  at: string;
  command: HighNeedsCommand;
}

const planId = DEMO_PLAN_ID;
const at = (anchor: CalendarDate, day: DayOffset, time: string) => `${addDays(anchor, day)}T${time}:00.000Z`;

/**
 * The council's figures (domain brief): £63.512m brought forward into 2024/25 and an in-year
 * deficit of £49.745m that year on a DSG allocation of £365.830m, so £113.257m cumulative at March
 * 2025; a 2025/26 budget with a £57.5m deficit and a Q2 forecast gap of £71m; £183m projected by
 * March 2026. Only the opening figure is typed as a deficit: every other deficit is derived from
 * allocation, budget and forecast outturn, so the outturns below are the allocation plus the
 * papers' deficits. The 2025/26 allocation, Q1, Q3 and Q4 forecasts, the 2026/27 budget and the
 * trajectory after 2025/26 are not in the papers; they are plausible figures in line with them.
 */
const POSITION: HighNeedsCommand[] = [
  { type: 'StartHighNeedsPosition', data: { planId, firstYear: '2024/25', openingCumulativeDeficit: '63512000' } },
  { type: 'SetHighNeedsYear', data: { planId, year: '2024/25', dsgAllocation: '365830000', budget: '400000000' } },
  {
    type: 'RecordHighNeedsForecast',
    data: { planId, period: '2024/25 Q4', forecastOutturn: '415575000', commentary: 'Outturn: independent special school placements and top-up funding above plan; in-year deficit £49.7m' },
  },
  // The first recovery plan (Delivering Better Value, 2024) committed to £105m; 2024/25 closed above it.
  { type: 'SetDeficitTrajectory', data: { planId, year: '2024/25', cumulativeDeficit: '105000000', amberTolerance: '5000000', reason: 'Delivering Better Value plan, 2024' } },
  { type: 'SetHighNeedsYear', data: { planId, year: '2025/26', dsgAllocation: '380000000', budget: '437500000' } },
  // The revised recovery plan: £183m at March 2026, then the in-year deficit falls each year until it is closed in 2029/30.
  ...(
    [
      ['2025/26', '183000000'],
      ['2026/27', '228000000'],
      ['2027/28', '255000000'],
      ['2028/29', '265000000'],
      ['2029/30', '265000000'],
    ] as const
  ).map(([year, cumulativeDeficit]): HighNeedsCommand => ({
    type: 'SetDeficitTrajectory',
    data: { planId, year, cumulativeDeficit, amberTolerance: '5000000', reason: 'High Needs Block Deficit Recovery Plan trajectory, shared with the DfE' },
  })),
  {
    type: 'RecordHighNeedsForecast',
    data: { planId, period: '2025/26 Q1', forecastOutturn: '444200000', commentary: 'In-year deficit £64.2m against £57.5m budgeted: EHCP growth above the budget assumption' },
  },
  {
    type: 'RecordHighNeedsForecast',
    data: { planId, period: '2025/26 Q2', forecastOutturn: '451000000', commentary: '£71m in-year gap against a budgeted £57.5m: EHCP growth and placement costs' },
  },
  { type: 'SetHighNeedsYear', data: { planId, year: '2026/27', dsgAllocation: '392000000', budget: '437000000' } },
];

/** Forecasts given to the board before each meeting (the week before it), so each meeting was told something different. */
const BEFORE_BOARD: [DayOffset, HighNeedsCommand][] = [
  [
    BOARD_MEETING_DAYS[1] - 5,
    {
      type: 'RecordHighNeedsForecast',
      data: { planId, period: '2025/26 Q3', forecastOutturn: '453500000', commentary: 'In-year deficit £73.5m: three further independent placements after tribunal; placement panel now weekly' },
    },
  ],
  [
    BOARD_MEETING_DAYS[2] - 5,
    {
      type: 'RecordHighNeedsForecast',
      data: { planId, period: '2025/26 Q4', forecastOutturn: '449743000', commentary: 'Provisional outturn: panel savings and delayed placements bring the cumulative deficit to the £183m trajectory' },
    },
  ],
  [
    BOARD_MEETING_DAYS[3] - 5,
    {
      type: 'RecordHighNeedsForecast',
      data: { planId, period: '2025/26 Q4', forecastOutturn: '450200000', commentary: 'Final outturn after year-end accruals: £0.5m above the trajectory, within the tolerance agreed with the DfE' },
    },
  ],
];

/** A forecast for a quarter that has not begun would be refused, so a demo loaded early leaves it out rather than failing. */
function quarterHasBegun(command: HighNeedsCommand, instant: string): boolean {
  if (command.type !== 'RecordHighNeedsForecast') return true;
  const period = parseFinancialPeriod(command.data.period);
  return period !== null && financialPeriodStartDate(period) <= instant.slice(0, 10);
}

/** The position as the programme office built it: the papers' figures the day after the scorecard, then a forecast before each board. */
export function demoHighNeedsSteps(anchor: CalendarDate): DemoHighNeedsStep[] {
  const loaded = POSITION.map((command, i) => ({ at: at(anchor, PLAN_LOADED_DAY + 3, `09:${String(i).padStart(2, '0')}`), command }));
  const later = BEFORE_BOARD.map(([day, command]) => ({ at: at(anchor, day, '16:00'), command }));
  return [...loaded, ...later].filter((step) => quarterHasBegun(step.command, step.at));
}
