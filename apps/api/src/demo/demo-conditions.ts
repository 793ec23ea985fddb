import { addDays, CalendarDate, ConditionCommand, ConditionStatus, financialYearStarting } from '@send/domain';
import { actionIdFor } from '@send/event-store';
import { conditionIdFor } from '../conditions/condition-id';
import { metricIdFor } from '../scorecard/metric-id';
import { PLAN_LOADED_DAY } from './demo-history';
import { BOARD_CHAIR, PROGRAMME_OFFICE } from './demo-owners';
import { BOARD_MEETING_DAYS, BoardCycle, DayOffset, DEMO_PLAN_ID } from './demo-script';

/** A step of the demo's conditions register: when, who (the office records, the chair approves), and the command. */
export interface DemoConditionStep {
  at: string;
  userId: string;
  command: ConditionCommand;
}

interface DemoCondition {
  ref: string;
  text: string;
  sourceParagraph: string;
  measureOfSuccess: string;
  dueDay: DayOffset;
  actionRefs: string[];
  metricCodes: string[];
  /** Finance lines (`condition-finance-line.ts`), linked by the office straight after adding the condition. */
  financeLines?: string[];
  /** The status the programme office reports for the quarter the week before each board, with its commentary. */
  statuses: Partial<Record<BoardCycle, [ConditionStatus, string]>>;
}

/**
 * The statutory direction's requirements, written the way a Safety Valve agreement's conditions
 * are (domain brief, addendum): C2, the money, is not on track, as the neighbouring council's
 * Agreement Condition 2 was.
 */
const DEMO_CONDITIONS: DemoCondition[] = [
  {
    ref: 'C1', sourceParagraph: 'Paragraph 4',
    text: 'Deliver the SEND and AP Improvement Plan and report progress to the DfE every quarter',
    measureOfSuccess: 'A quarterly return, signed off by the board chair, with overdue actions explained',
    dueDay: 240, actionRefs: ['1.1'], metricCodes: [],
    statuses: {
      1: ['ON_TRACK', 'Quarterly return sent on time; the scorecard now goes to every board'],
      3: ['ON_TRACK', 'Return sent; two overdue actions have recovery dates agreed by the board'],
    },
  },
  {
    ref: 'C2', sourceParagraph: 'Paragraph 8',
    text: 'Bring the High Needs Block deficit within the trajectory of the deficit recovery plan',
    measureOfSuccess: 'Each quarterly forecast of the cumulative deficit at or below the trajectory',
    dueDay: 300, actionRefs: ['8.1', '8.2'], metricCodes: ['high-needs-spend-per-head'],
    financeLines: ['HIGH_NEEDS_CUMULATIVE_DEFICIT', 'HIGH_NEEDS_IN_YEAR_DEFICIT'],
    statuses: {
      1: ['NOT_ON_TRACK', 'Q2 forecast gap of £71m against a budgeted £57.5m: the cumulative deficit is forecast above the £183m trajectory'],
      3: ['NOT_ON_TRACK', 'Outturn £0.5m above the trajectory; further mitigations needed to reduce spend by 2028/29'],
    },
  },
  {
    ref: 'C3', sourceParagraph: 'Paragraph 9',
    text: 'Issue new EHC plans within the statutory 20 weeks',
    measureOfSuccess: '60% of new EHC plans issued within 20 weeks by March 2026, rising after',
    dueDay: 180, actionRefs: ['5.3'], metricCodes: ['ehcp-20-weeks'],
    statuses: {
      1: ['ON_TRACK', '56% year to date against 46.4% in England; backlog clearance under way'],
      3: ['ON_TRACK', 'Backlog cleared; timeliness of new plans improving month on month'],
    },
  },
  {
    ref: 'C4', sourceParagraph: 'Paragraph 5',
    text: 'Establish a SEND Improvement Board with an independent chair and DfE representation',
    measureOfSuccess: 'Terms of reference agreed; board meeting at least every two months',
    dueDay: -60, actionRefs: [], metricCodes: [],
    statuses: {
      1: ['MET', 'Board in place since February 2024 with an independent chair; DfE adviser attends every meeting'],
      3: ['MET', 'Board met every six weeks this quarter, quorate each time'],
    },
  },
];

/** The financial-year quarter a day falls in: 19 March 2026 is in 2025/26 Q4. */
export function financialQuarterOf(date: CalendarDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const startYear = month >= 4 ? year : year - 1;
  return `${financialYearStarting(startYear)} Q${Math.floor(((month + 8) % 12) / 3) + 1}`;
}

const at = (anchor: CalendarDate, day: DayOffset, time: string) => `${addDays(anchor, day)}T${time}:00.000Z`;

/**
 * The register as it was kept: added a few days after the plan was loaded; the week before a
 * board the office records each condition's status for the quarter it is in, and the chair
 * approves the version read at the meeting.
 */
export function demoConditionSteps(anchor: CalendarDate): DemoConditionStep[] {
  const office = PROGRAMME_OFFICE.userId;
  const steps: DemoConditionStep[] = DEMO_CONDITIONS.map((c, i) => ({
    at: at(anchor, PLAN_LOADED_DAY + 4, `10:${String(i).padStart(2, '0')}`),
    userId: office,
    command: {
      type: 'AddCondition',
      data: {
        conditionId: conditionIdFor(DEMO_PLAN_ID, c.ref), planId: DEMO_PLAN_ID, ref: c.ref, text: c.text, sourceParagraph: c.sourceParagraph,
        measureOfSuccess: c.measureOfSuccess, dueDate: addDays(anchor, c.dueDay),
        actionIds: c.actionRefs.map((ref) => actionIdFor(DEMO_PLAN_ID, ref)), metricIds: c.metricCodes.map((code) => metricIdFor(DEMO_PLAN_ID, code)),
      },
    },
  }));
  DEMO_CONDITIONS.forEach((c, i) =>
    (c.financeLines ?? []).forEach((id, j) =>
      steps.push({
        at: at(anchor, PLAN_LOADED_DAY + 4, `10:${String(10 + 5 * i + j)}`),
        userId: office,
        command: { type: 'LinkToCondition', data: { conditionId: conditionIdFor(DEMO_PLAN_ID, c.ref), link: { kind: 'FINANCE_LINE', id } } },
      }),
    ),
  );
  const versions = new Map<string, number>();
  for (const cycle of [1, 2, 3] as BoardCycle[]) {
    const board = BOARD_MEETING_DAYS[cycle];
    const quarter = financialQuarterOf(addDays(anchor, board - 4));
    DEMO_CONDITIONS.forEach((c, i) => {
      const status = c.statuses[cycle];
      if (!status) return;
      const conditionId = conditionIdFor(DEMO_PLAN_ID, c.ref);
      const version = (versions.get(`${c.ref} ${quarter}`) ?? 0) + 1;
      versions.set(`${c.ref} ${quarter}`, version);
      steps.push({ at: at(anchor, board - 4, `11:${String(i).padStart(2, '0')}`), userId: office, command: { type: 'RecordConditionStatus', data: { conditionId, quarter, status: status[0], commentary: status[1] } } });
      steps.push({ at: at(anchor, board, `16:${String(40 + i)}`), userId: BOARD_CHAIR.userId, command: { type: 'ApproveConditionStatus', data: { conditionId, quarter, version } } });
    });
  }
  return steps;
}
