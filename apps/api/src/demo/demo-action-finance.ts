import { ActionFinanceCommand, addDays, CalendarDate, financialYearOfDate } from '@send/domain';
import { actionIdFor } from '@send/event-store';
import { BOARD_MEETING_DAYS, DayOffset, DEMO_PLAN_ID } from './demo-script';
import { PLAN_LOADED_DAY } from './demo-history';
import { DemoOwnerKey, demoUserId, PROGRAMME_OFFICE } from './demo-owners';

export interface DemoFundingStep {
  at: string;
  userId: string;
  command: ActionFinanceCommand;
}

/**
 * The initiatives the council's papers name with their own funding, on the actions that carry
 * them: the three-tier AP model's £143k from the SEND Intervention Fund, the OAP toolkit's £215k,
 * the ~£600k fund behind the SEN support top-up pilot, and the £1.2m moved from the schools block
 * into resourced provision in mainstream schools. Expected savings are the recovery plan's
 * plausible full-programme figures; each action's savings count towards one recovery priority.
 */
const FUNDING: { ref: string; plannedCost: string; expectedSavings: string; fundingSource: string; savingsPriority: number }[] = [
  { ref: '4.5', plannedCost: '143000', expectedSavings: '850000', fundingSource: 'SEND Intervention Fund', savingsPriority: 5 },
  { ref: '4.1', plannedCost: '215000', expectedSavings: '1100000', fundingSource: 'DSG High Needs Block', savingsPriority: 1 },
  { ref: '3.4', plannedCost: '600000', expectedSavings: '1400000', fundingSource: 'SEN support top-up fund (one-off)', savingsPriority: 2 },
  { ref: '6.3', plannedCost: '1200000', expectedSavings: '2600000', fundingSource: 'Schools block transfer', savingsPriority: 5 },
];

/**
 * The recovery plan's savings target for each priority in each financial year the demo covers, £000s as
 * the recovery plan tables give them; sufficiency (5) carries the most, as the papers' placement
 * costs do.
 */
const TARGETS_THOUSANDS: Record<number, number> = { 1: 900, 2: 600, 3: 150, 4: 250, 5: 2500, 6: 400, 7: 200 };

/**
 * Spend to date after each board (by the action's owner for the OAP toolkit, whose seconded
 * headteacher keeps its budget; by the finance lead for the rest), and savings evidenced before
 * the last two boards.
 */
const SPEND: { ref: string; day: DayOffset; spendToDate: string; commentary: string; byOwner?: DemoOwnerKey }[] = [
  { ref: '4.1', day: BOARD_MEETING_DAYS[1] - 2, spendToDate: '48000', commentary: 'Seconded school leader in post; toolkit drafting with SENCOs', byOwner: 'seconded' },
  { ref: '4.5', day: BOARD_MEETING_DAYS[1] - 2, spendToDate: '31500', commentary: 'Tier 2 outreach contract let to the charity partner' },
  { ref: '3.4', day: BOARD_MEETING_DAYS[2] - 2, spendToDate: '185000', commentary: 'Top-up agreements signed with pilot schools in two localities' },
  { ref: '4.1', day: BOARD_MEETING_DAYS[2] - 2, spendToDate: '112500', commentary: 'Toolkit launched; training for the first 60 SENCOs', byOwner: 'seconded' },
  { ref: '6.3', day: BOARD_MEETING_DAYS[2] - 2, spendToDate: '420000', commentary: 'Capital works on the first two resourced bases' },
  { ref: '4.5', day: BOARD_MEETING_DAYS[3] - 2, spendToDate: '96000', commentary: 'Tier 1 school-led provision running in three clusters' },
];

const SAVINGS: { ref: string; day: DayOffset; savings: string; evidence: string }[] = [
  { ref: '4.5', day: BOARD_MEETING_DAYS[2] - 1, savings: '120000', evidence: 'Four fewer independent AP placements this term (placement panel minutes)' },
  { ref: '4.1', day: BOARD_MEETING_DAYS[3] - 1, savings: '85000', evidence: 'Fewer assessment requests from toolkit schools, costed by the finance lead (budget monitoring)' },
  { ref: '6.3', day: BOARD_MEETING_DAYS[3] - 1, savings: '240000', evidence: 'Six pupils placed in resourced bases instead of INMSS (placement panel minutes)' },
];

/** The programme office sets the funding and targets four days after the plan is loaded, after the scorecard. */
export function demoFundingSteps(anchor: CalendarDate): DemoFundingStep[] {
  const planId = DEMO_PLAN_ID;
  const office = PROGRAMME_OFFICE.userId;
  const setUp = `${addDays(anchor, PLAN_LOADED_DAY + 4)}`;
  const minute = (day: string, i: number, hour = 11) => `${day}T${hour}:${String(i).padStart(2, '0')}:00.000Z`;
  const years = [...new Set([financialYearOfDate(addDays(anchor, PLAN_LOADED_DAY)), financialYearOfDate(anchor)])];
  const steps: DemoFundingStep[] = [
    ...FUNDING.map(({ ref, ...f }, i) => ({ at: minute(setUp, i), userId: office, command: { type: 'SetActionFunding' as const, data: { planId, actionId: actionIdFor(planId, ref), ...f } } })),
    ...years.flatMap((year, y) =>
      Object.entries(TARGETS_THOUSANDS).map(([priority, thousands], i) => ({
        at: minute(setUp, 10 + y * 10 + i),
        userId: office,
        command: { type: 'SetPrioritySavingsTarget' as const, data: { planId, priorityNumber: Number(priority), year, target: String(thousands * 1000), reason: 'High Needs Block deficit recovery plan, as agreed by the board' } },
      })),
    ),
    ...SPEND.map(({ ref, day, spendToDate, commentary, byOwner }, i) => {
      const asOfDate = addDays(anchor, day);
      return { at: minute(asOfDate, i, 14), userId: byOwner ? demoUserId(byOwner) : office, command: { type: 'RecordActionSpend' as const, data: { planId, actionId: actionIdFor(planId, ref), spendToDate, asOfDate, commentary } } };
    }),
    ...SAVINGS.map(({ ref, day, savings, evidence }, i) => {
      const asOfDate = addDays(anchor, day);
      return { at: minute(asOfDate, i, 15), userId: office, command: { type: 'RecordSavingsEvidenced' as const, data: { planId, actionId: actionIdFor(planId, ref), year: financialYearOfDate(asOfDate), savings, evidence, asOfDate } } };
    }),
  ];
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
