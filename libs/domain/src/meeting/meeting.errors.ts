import { AlreadyExistsError, NotFoundError, RuleViolationError } from '../shared/domain-error';
import { ukDate } from '../shared/uk-dates';

export class MeetingNotFoundError extends NotFoundError {
  constructor(meetingId: string) {
    super('meetingExists', `No board meeting with id ${meetingId}`);
  }
}

export class MeetingAlreadyExistsError extends AlreadyExistsError {
  constructor(meetingId: string) {
    super('meetingIsNew', `A board meeting with id ${meetingId} already exists`);
  }
}

export class MeetingClosedError extends RuleViolationError {
  constructor(title: string) {
    super('meetingOpen', `The meeting "${title}" is closed; its record can no longer change`);
  }
}

export class DecisionOutsidePlanError extends RuleViolationError {
  constructor() {
    super('decisionOnActionInPlan', "A decision must be about an action in the meeting's plan");
  }
}

export class DecisionAlreadyRecordedError extends AlreadyExistsError {
  constructor(decisionId: string) {
    super('decisionIdUnique', `Decision ${decisionId} is already recorded`);
  }
}

export class NoAttendeesError extends RuleViolationError {
  constructor() {
    super('attendeesRequired', 'Attendance needs at least one attendee');
  }
}

export class MeetingNotYetHeldError extends RuleViolationError {
  constructor(date: string) {
    super('meetingHeld', `The meeting is on ${ukDate(date)}; its attendance and decisions can be recorded from that day`);
  }
}

export class DecisionSubjectOutsidePlanError extends RuleViolationError {
  constructor() {
    super('decisionOnRiskInPlan', "A decision about a risk must be about a risk in the meeting's plan");
  }
}

export class RiskOnlyDecisionKindError extends RuleViolationError {
  constructor(kind: string) {
    super('riskDecisionKind', `A ${kind} decision is about a risk; the plan as a whole cannot take it`);
  }
}
