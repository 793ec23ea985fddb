import { addDays, CalendarDate, DecisionKind, MeetingCommand } from '@send/domain';
import { deterministicUuid, actionIdFor } from '@send/event-store';
import { DemoStep } from './demo-history';
import { BOARD_MEETING_DAYS, BoardCycle, DEMO_PLAN_ID } from './demo-script';

export interface DemoMeetingStep {
  at: string;
  command: MeetingCommand;
}

const ATTENDEES = [
  { name: 'Prof. Judith Ashworth', capacity: 'Independent chair' },
  { name: 'Helen Marsh', capacity: 'Director of Education and Skills, Demo Council' },
  { name: 'Dr Aisha Rahman', capacity: 'Designated Clinical Officer, NHS Dorset ICB' },
  { name: 'Claire Benson', capacity: 'Co-chair, Demo Parent Carer Forum' },
  { name: 'DfE SEND adviser', capacity: 'Department for Education' },
];
const APOLOGIES = [{ name: 'Sarah Whitcombe', capacity: 'Seconded headteacher, Coastal Learning Trust' }];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthOf = (date: CalendarDate) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/**
 * The three board meetings of the demo history, minuted from what the history shows the board
 * did that day: evidence it accepted, actions it closed, and Red actions it escalated.
 */
export function demoMeetings(anchor: CalendarDate, history: DemoStep[]): DemoMeetingStep[] {
  const steps: DemoMeetingStep[] = [];
  for (const cycle of [1, 2, 3] as BoardCycle[]) {
    const date = addDays(anchor, BOARD_MEETING_DAYS[cycle]);
    const meetingId = deterministicUuid('demo-meeting', anchor, String(cycle));
    const title = `SEND Improvement Board, ${monthOf(date)}`;
    steps.push({
      at: `${addDays(date, -28)}T10:00:00.000Z`,
      command: { type: 'ScheduleMeeting', data: { meetingId, planId: DEMO_PLAN_ID, meetingType: 'BOARD', date, title } },
    });
    steps.push({ at: `${date}T13:30:00.000Z`, command: { type: 'RecordAttendance', data: { meetingId, attendees: ATTENDEES, apologies: APOLOGIES } } });

    const decisions: { ref: string; kind: DecisionKind; summary: string }[] = [];
    for (const step of history.filter((s) => s.at.startsWith(date))) {
      if (step.kind === 'reviewEvidence' && step.decision === 'ACCEPT') {
        decisions.push({ ref: step.ref, kind: 'EVIDENCE_ACCEPTED', summary: 'Evidence reviewed and accepted by the board' });
      } else if (step.kind === 'markComplete') {
        decisions.push({ ref: step.ref, kind: 'ACTION_CLOSED', summary: 'Action closed: delivered, with evidence accepted' });
      }
    }
    const cycleStart = addDays(date, -8);
    for (const step of history.filter((s) => s.kind === 'reportProgress' && s.at.slice(0, 10) >= cycleStart && s.at.slice(0, 10) <= date)) {
      if (step.kind === 'reportProgress' && step.rag === 'RED') {
        decisions.push({ ref: step.ref, kind: 'ESCALATED', summary: 'Red: escalated for a recovery plan by the next meeting' });
      }
    }
    decisions.forEach((decision, i) => {
      const decisionId = deterministicUuid('demo-decision', anchor, String(cycle), String(i));
      const actionId = actionIdFor(DEMO_PLAN_ID, decision.ref);
      steps.push({
        at: `${date}T16:30:${String(i).padStart(2, '0')}.000Z`,
        command: { type: 'RecordDecision', data: { meetingId, decisionId, actionId, kind: decision.kind, summary: decision.summary } },
      });
    });
    steps.push({ at: `${date}T17:30:00.000Z`, command: { type: 'CloseMeeting', data: { meetingId, minutesReference: `SIB minutes ${date}` } } });
  }
  return steps;
}
