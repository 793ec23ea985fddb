import { addDays, CalendarDate, FollowUpCommand, MeetingCommand } from '@send/domain';
import { deterministicUuid, riskIdFor } from '@send/event-store';
import { BOARD_CHAIR, demoOwner, DemoOwnerKey, demoUserId } from './demo-owners';
import { BOARD_MEETING_DAYS, BoardCycle, DEMO_PLAN_ID } from './demo-script';

/** A step of the board's own working tools: a plan or risk decision, or the action log. */
export type DemoMeetingToolStep =
  | { at: string; userId: string; kind: 'meeting'; command: MeetingCommand }
  | { at: string; userId: string; kind: 'followUp'; command: FollowUpCommand };

interface DemoFollowUp {
  key: string;
  cycle: BoardCycle;
  description: string;
  owner: DemoOwnerKey;
  /** Days after the meeting it is due. */
  dueIn: number;
  /** What happened since: [days after the meeting, what, note]. */
  then: [number, 'update' | 'complete' | 'drop', string][];
}

/**
 * The board's action log across the demo's three meetings: two done, one dropped, one overdue
 * (its update says why) and one from the last meeting still open; each owner reports on their own.
 */
const DEMO_FOLLOW_UPS: DemoFollowUp[] = [
  { key: 'dashboard', cycle: 1, description: 'Bring the SEND performance dashboard to a future meeting', owner: 'sendAp', dueIn: 42, then: [[40, 'complete', 'Dashboard presented to the board with the Q2 figures']] },
  { key: 'forum', cycle: 1, description: 'Agree with the parent carer forum how families shape the Local Offer refresh', owner: 'forum', dueIn: 28, then: [[21, 'complete', 'Co-production workshop held; families’ priorities fed into the refresh']] },
  { key: 'capital', cycle: 2, description: 'Report the specialist place capital timeline site by site', owner: 'commissioning', dueIn: 28, then: [[21, 'update', 'Two sites confirmed; the third awaits planning consent']] },
  { key: 'audit', cycle: 2, description: 'Circulate the internal audit scope for recovery plan governance', owner: 'finance', dueIn: 14, then: [[35, 'drop', 'Overtaken: the audit is now part of action 8.2’s governance review']] },
  { key: 'forecast', cycle: 3, description: 'Bring the Q3 forecast reconciliation to the next board', owner: 'finance', dueIn: 28, then: [] },
];

const at = (day: CalendarDate, time: string) => `${day}T${time}:00.000Z`;

/**
 * The steps, at the times the board and owners would have taken them: follow-ups and decisions
 * between the decisions about actions (16:30) and the close (17:30) of their meeting.
 */
export function demoMeetingToolSteps(anchor: CalendarDate): DemoMeetingToolStep[] {
  const meetingOf = (cycle: BoardCycle) => ({ meetingId: deterministicUuid('demo-meeting', anchor, String(cycle)), date: addDays(anchor, BOARD_MEETING_DAYS[cycle]) });
  const steps: DemoMeetingToolStep[] = [];
  DEMO_FOLLOW_UPS.forEach((f, i) => {
    const { meetingId, date } = meetingOf(f.cycle);
    const followUpId = deterministicUuid('demo-follow-up', f.key);
    // Named by owner id, as the board's form picks them from the owner directory; they report on it signed in as themselves.
    const owner = { ...demoOwner(f.owner), userId: null };
    const ownerUserId = demoUserId(f.owner);
    steps.push({ at: at(date, `17:0${i}`), userId: BOARD_CHAIR.userId, kind: 'followUp', command: { type: 'RaiseFollowUp', data: { followUpId, meetingId, description: f.description, owner, dueDate: addDays(date, f.dueIn) } } });
    for (const [days, what, note] of f.then) {
      const when = at(addDays(date, days), `11:0${i}`);
      // Owners report on their own; dropping one is the board's call.
      if (what === 'drop') steps.push({ at: when, userId: BOARD_CHAIR.userId, kind: 'followUp', command: { type: 'DropFollowUp', data: { followUpId, note } } });
      else steps.push({ at: when, userId: ownerUserId, kind: 'followUp', command: what === 'update' ? { type: 'UpdateFollowUp', data: { followUpId, note } } : { type: 'CompleteFollowUp', data: { followUpId, note } } });
    }
  });
  const last = meetingOf(3);
  steps.push(
    {
      at: at(last.date, '17:10'),
      userId: BOARD_CHAIR.userId,
      kind: 'meeting',
      command: { type: 'RecordPlanDecision', data: { meetingId: last.meetingId, decisionId: deterministicUuid('demo-plan-decision', 'sufficiency'), subject: { kind: 'PLAN' }, kind: 'AGREED', summary: 'A deep dive on specialist place sufficiency at every second board, starting at the next' } },
    },
    {
      at: at(last.date, '17:11'),
      userId: BOARD_CHAIR.userId,
      kind: 'meeting',
      command: {
        type: 'RecordPlanDecision',
        data: { meetingId: last.meetingId, decisionId: deterministicUuid('demo-plan-decision', 'R1'), subject: { kind: 'RISK', riskId: riskIdFor(DEMO_PLAN_ID, 'R1') }, kind: 'FURTHER_MITIGATION', summary: 'The deficit risk stays Red: the placement panel to report its savings monthly to the board' },
      },
    },
  );
  return steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
