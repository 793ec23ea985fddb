import { addDays, CalendarDate, DeliveryConfidence, ReportableRag } from '@send/domain';
import { DEMO_ACTIONS, demoAction } from './demo-actions';
import { DEMO_STORIES_1_TO_4 } from './demo-history-1-4';
import { DEMO_STORIES_5_TO_8 } from './demo-history-5-8';
import { DemoOwnerKey } from './demo-owners';
import { BOARD_MEETING_DAYS, BoardCycle, DayOffset, DemoEvidence, PlanChange } from './demo-script';

/** The plan is put into the tracker four months before the anchor, its actions the day after. */
export const PLAN_LOADED_DAY: DayOffset = -120;
const ACTIONS_ADDED_DAY: DayOffset = -119;

const STORIES = { ...DEMO_STORIES_1_TO_4, ...DEMO_STORIES_5_TO_8 };

/** What the programme office recorded after the board's decisions. */
export const DEMO_PLAN_CHANGES: PlanChange[] = [
  {
    afterBoard: 2, ref: '3.5', kind: 'withdraw',
    reason: 'The integrated two-year review (3.2) already screens the same children; a separate app would duplicate spend. Withdrawn by the board.',
  },
  {
    afterBoard: 2, ref: '4.2', kind: 'reassign', owner: 'inclusion',
    reason: 'The inclusion advisers sit in the new inclusion service, so ownership moves to the Head of Inclusion.',
  },
  {
    afterBoard: 2, ref: '5.1', kind: 'reschedule', dueDay: 130,
    reason: "Design phase extended by six weeks at head teachers' request; implementation moves to the start of the summer term to fit the admissions round.",
  },
  { afterBoard: 2, ref: '5.1', kind: 'milestone', milestone: { title: 'Phase 4: implementation from the start of the summer term', dueDay: 125 } },
  {
    afterBoard: 3, ref: '3.4', kind: 'supersede', by: '8.5',
    reason: 'The locality pilot is folded into the area-wide pre-EHCP funding model (8.5), as agreed by the board.',
  },
];

/** One command in the demo's history, with the instant it happened at. */
export type DemoStep = { at: string; ref: string } & (
  | { kind: 'add' }
  | { kind: 'completeMilestone'; index: number; completedOn: CalendarDate }
  | { kind: 'attachEvidence'; evidence: DemoEvidence }
  | { kind: 'reportProgress'; rag: ReportableRag; commentary: string; asAt: CalendarDate }
  | { kind: 'correctProgress'; rag: ReportableRag; commentary: string; asAt: CalendarDate; reason: string }
  | { kind: 'rateConfidence'; by: 'owner' | 'board'; confidence: DeliveryConfidence; commentary: string; asAt: CalendarDate }
  | { kind: 'reviewEvidence'; evidenceKey: string; decision: 'ACCEPT' | 'REJECT'; reason?: string }
  | { kind: 'markComplete'; commentary: string; asAt: CalendarDate }
  | { kind: 'reassign'; owner: DemoOwnerKey; reason: string }
  | { kind: 'reschedule'; dueDate: CalendarDate; reason: string }
  | { kind: 'addMilestone'; index: number; title: string; dueDate: CalendarDate }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'supersede'; by: string; reason: string }
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Scheduled = { day: DayOffset; minute: number; step: DistributiveOmit<DemoStep, 'at'> };

const CYCLES: BoardCycle[] = [1, 2, 3];

/**
 * The demo's whole history in the order it happened, dated from the anchor. Owners update in
 * the week before each board (staggered by action so the update round spreads over four days),
 * the board reviews evidence and closes actions on the day, and the programme office records
 * its other decisions the next morning.
 */
export function demoHistory(anchor: CalendarDate): DemoStep[] {
  const scheduled: Scheduled[] = [];
  const at = (day: DayOffset, minute: number, step: Scheduled['step']): void => {
    scheduled.push({ day, minute, step });
  };
  const dateOn = (day: DayOffset) => addDays(anchor, day);
  // A story for a ref that is not in the plan would otherwise be skipped without a word.
  Object.keys(STORIES).forEach(demoAction);

  DEMO_ACTIONS.forEach((action, i) => {
    const addedOn = action.addedAfterBoard ? BOARD_MEETING_DAYS[action.addedAfterBoard] + 1 : ACTIONS_ADDED_DAY;
    at(addedOn, 600 + i, { kind: 'add', ref: action.ref });
  });

  for (const cycle of CYCLES) {
    const board = BOARD_MEETING_DAYS[cycle];
    const papers = boardPapers(dateOn(board));
    DEMO_ACTIONS.forEach((action, i) => {
      const update = STORIES[action.ref]?.[cycle];
      if (!update) return;
      const ref = action.ref;
      const day = board - 7 + (i % 4);
      const minute = 540 + 4 * i;
      for (const index of update.milestonesDone ?? []) at(day, minute, { kind: 'completeMilestone', ref, index, completedOn: dateOn(day) });
      for (const evidence of update.evidence ?? []) {
        const documentReference = evidence.documentReference?.replace('{board}', papers);
        at(day, minute + 1, { kind: 'attachEvidence', ref, evidence: { ...evidence, documentReference } });
      }
      if (update.progress) {
        const [rag, commentary] = update.progress;
        at(day, minute + 2, { kind: 'reportProgress', ref, rag, commentary, asAt: dateOn(day) });
        if (update.correction) {
          const [correctedRag, correctedCommentary, reason] = update.correction;
          at(board + 2, 600 + i, { kind: 'correctProgress', ref, rag: correctedRag, commentary: correctedCommentary, asAt: dateOn(day), reason });
        }
      }
      if (update.confidence) {
        const [confidence, commentary] = update.confidence;
        at(day, minute + 3, { kind: 'rateConfidence', ref, by: 'owner', confidence, commentary, asAt: dateOn(day) });
      }
      if (update.boardConfidence) {
        const [confidence, commentary] = update.boardConfidence;
        at(board, 870 + i, { kind: 'rateConfidence', ref, by: 'board', confidence, commentary, asAt: dateOn(board) });
      }
      for (const key of update.accept ?? []) at(board, 840 + i, { kind: 'reviewEvidence', ref, evidenceKey: key, decision: 'ACCEPT' });
      for (const [key, reason] of Object.entries(update.reject ?? {})) {
        at(board, 840 + i, { kind: 'reviewEvidence', ref, evidenceKey: key, decision: 'REJECT', reason });
      }
      if (update.complete) at(board, 900 + i, { kind: 'markComplete', ref, commentary: update.complete, asAt: dateOn(board) });
    });
  }

  const addedMilestones = new Map<string, number>();
  DEMO_PLAN_CHANGES.forEach((change, j) => {
    const day = BOARD_MEETING_DAYS[change.afterBoard] + 1;
    const minute = 660 + j;
    const ref = change.ref;
    switch (change.kind) {
      case 'reassign':
        return at(day, minute, { kind: 'reassign', ref, owner: change.owner, reason: change.reason });
      case 'withdraw':
        return at(day, minute, { kind: 'withdraw', ref, reason: change.reason });
      case 'supersede':
        return at(day, minute, { kind: 'supersede', ref, by: change.by, reason: change.reason });
      case 'reschedule':
        return at(day, minute, { kind: 'reschedule', ref, dueDate: dateOn(change.dueDay), reason: change.reason });
      case 'milestone': {
        const extra = addedMilestones.get(ref) ?? 0;
        addedMilestones.set(ref, extra + 1);
        const index = demoAction(ref).milestones.length + extra;
        return at(day, minute, { kind: 'addMilestone', ref, index, title: change.milestone.title, dueDate: dateOn(change.milestone.dueDay) });
      }
      default: {
        const unhandled: never = change;
        return unhandled;
      }
    }
  });

  // Array.prototype.sort is stable, so steps in the same minute keep the order written above.
  scheduled.sort((a, b) => a.day - b.day || a.minute - b.minute);
  const seenInMinute = new Map<string, number>();
  return scheduled.map(({ day, minute, step }) => {
    const slot = `${day}/${minute}`;
    const second = seenInMinute.get(slot) ?? 0;
    seenInMinute.set(slot, second + 1);
    return { ...step, at: instant(dateOn(day), minute, second) } as DemoStep;
  });
}

/** Board papers are numbered by meeting month, e.g. `SIB-2026-09`. */
function boardPapers(meeting: CalendarDate): string {
  return `SIB-${meeting.slice(0, 7)}`;
}

function instant(date: CalendarDate, minute: number, second: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}.000Z`;
}
