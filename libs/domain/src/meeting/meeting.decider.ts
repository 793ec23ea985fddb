import { ActionState } from '../action/action.decider';
import { RiskState } from '../risk/risk.decider';
import { londonDateOf } from '../shared/london-day';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireDate, requireText } from '../shared/guards';
import { Attendee, DECISION_KINDS, DECISION_SUBJECTS, MEETING_TYPES, MeetingCommand, PLAN_DECISION_KINDS, RISK_ONLY_DECISION_KINDS } from './meeting.commands';
import { MeetingEvent } from './meeting.events';
import {
  DecisionAlreadyRecordedError,
  DecisionOutsidePlanError,
  DecisionSubjectOutsidePlanError,
  MeetingAlreadyExistsError,
  MeetingClosedError,
  MeetingNotFoundError,
  MeetingNotYetHeldError,
  NoAttendeesError,
  RiskOnlyDecisionKindError,
} from './meeting.errors';

export type MeetingState =
  | { exists: false }
  | {
      exists: true;
      meetingId: string;
      planId: string;
      date: string;
      title: string;
      closed: boolean;
      decisionIds: string[];
    };

/** The action or risk a decision is about, read from its own stream. */
export interface MeetingDecisionContext {
  action?: ActionState;
  risk?: RiskState;
}

export const initialMeetingState = (): MeetingState => ({ exists: false });

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingScheduled') {
    const { meetingId, planId, date, title } = event.data;
    return { exists: true, meetingId, planId, date, title, closed: false, decisionIds: [] };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'AttendanceRecorded':
      return state;
    case 'DecisionRecorded':
    case 'PlanDecisionRecorded':
      return { ...state, decisionIds: [...state.decisionIds, event.data.decisionId] };
    case 'MeetingClosed':
      return { ...state, closed: true };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const attendees = (field: string, list: Attendee[]): Attendee[] =>
  list.map((a, i) => ({ name: requireText(`${field}[${i}].name`, a.name), capacity: requireText(`${field}[${i}].capacity`, a.capacity) }));

export function decideMeeting(
  command: MeetingCommand,
  state: MeetingState,
  metadata: CommandMetadata,
  context: MeetingDecisionContext = {},
): MeetingEvent[] {
  if (command.type === 'ScheduleMeeting') {
    if (state.exists) throw new MeetingAlreadyExistsError(command.data.meetingId);
    const d = command.data;
    if (!(MEETING_TYPES as readonly string[]).includes(d.meetingType)) {
      throw new InvalidValueError('meetingType', 'isIn:BOARD,DFE_QUARTERLY_REVIEW', 'meetingType must be BOARD or DFE_QUARTERLY_REVIEW');
    }
    return [
      {
        type: 'MeetingScheduled',
        data: { meetingId: d.meetingId, planId: d.planId, meetingType: d.meetingType, date: requireDate('date', d.date), title: requireText('title', d.title) },
      },
    ];
  }
  if (!state.exists) throw new MeetingNotFoundError(command.data.meetingId);
  if (state.closed) throw new MeetingClosedError(state.title);
  const { meetingId } = state;
  // A meeting's record is written on the day or after; scheduling ahead is the only early step.
  if (londonDateOf(metadata.now) < state.date) throw new MeetingNotYetHeldError(state.date);

  switch (command.type) {
    case 'RecordAttendance': {
      if (command.data.attendees.length === 0) throw new NoAttendeesError();
      return [
        {
          type: 'AttendanceRecorded',
          data: { meetingId, attendees: attendees('attendees', command.data.attendees), apologies: attendees('apologies', command.data.apologies) },
        },
      ];
    }
    case 'RecordDecision': {
      const d = command.data;
      if (state.decisionIds.includes(d.decisionId)) throw new DecisionAlreadyRecordedError(d.decisionId);
      if (!(DECISION_KINDS as readonly string[]).includes(d.kind)) {
        throw new InvalidValueError('kind', `isIn:${DECISION_KINDS.join(',')}`, `kind must be one of ${DECISION_KINDS.join(', ')}`);
      }
      const action = context.action;
      if (!action?.exists || action.planId !== state.planId) throw new DecisionOutsidePlanError();
      return [
        {
          type: 'DecisionRecorded',
          data: {
            meetingId,
            meetingDate: state.date,
            decisionId: d.decisionId,
            actionId: action.actionId,
            actionRef: action.ref,
            kind: d.kind,
            summary: requireText('summary', d.summary),
          },
        },
      ];
    }
    case 'RecordPlanDecision': {
      const d = command.data;
      if (state.decisionIds.includes(d.decisionId)) throw new DecisionAlreadyRecordedError(d.decisionId);
      if (!(DECISION_SUBJECTS as readonly string[]).includes(d.subject?.kind)) {
        throw new InvalidValueError('subject.kind', `isIn:${DECISION_SUBJECTS.join(',')}`, `subject.kind must be one of ${DECISION_SUBJECTS.join(', ')}`);
      }
      if (!(PLAN_DECISION_KINDS as readonly string[]).includes(d.kind)) {
        throw new InvalidValueError('kind', `isIn:${PLAN_DECISION_KINDS.join(',')}`, `kind must be one of ${PLAN_DECISION_KINDS.join(', ')}`);
      }
      let risk: { riskId: string; riskRef: string } | null = null;
      if (d.subject.kind === 'RISK') {
        const found = context.risk;
        if (!found?.exists || found.planId !== state.planId || found.riskId !== d.subject.riskId) throw new DecisionSubjectOutsidePlanError();
        risk = { riskId: found.riskId, riskRef: found.ref };
      } else if (RISK_ONLY_DECISION_KINDS.includes(d.kind)) {
        throw new RiskOnlyDecisionKindError(d.kind);
      }
      return [
        {
          type: 'PlanDecisionRecorded',
          data: {
            meetingId,
            meetingDate: state.date,
            decisionId: d.decisionId,
            subjectKind: d.subject.kind,
            riskId: risk?.riskId ?? null,
            riskRef: risk?.riskRef ?? null,
            kind: d.kind,
            summary: requireText('summary', d.summary),
          },
        },
      ];
    }
    case 'CloseMeeting':
      return [{ type: 'MeetingClosed', data: { meetingId, minutesReference: command.data.minutesReference?.trim() || null } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
