import { AlreadyExistsError, NotFoundError, RuleViolationError } from '../shared/domain-error';

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
    super('meetingHeld', `The meeting is on ${date}; its attendance and decisions can be recorded from that day`);
  }
}
