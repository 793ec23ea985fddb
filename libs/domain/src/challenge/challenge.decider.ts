import { ActionState } from '../action/action.decider';
import { RiskState } from '../risk/risk.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { InvalidValueError } from '../shared/domain-error';
import { requireText } from '../shared/guards';
import { CHALLENGE_SUBJECTS, ChallengeCommand, ChallengeStatus, ChallengeSubjectKind } from './challenge.commands';
import { ChallengeEvent } from './challenge.events';
import { ChallengeAlreadyExistsError, ChallengeNotFoundError, ChallengeStateError, ChallengeSubjectOutsidePlanError } from './challenge.errors';

export type ChallengeState =
  | { exists: false }
  | { exists: true; challengeId: string; planId: string; subjectKind: ChallengeSubjectKind; subjectId: string; status: ChallengeStatus };

/** The action or risk a new challenge is about, read from its own stream by the command handler. */
export interface ChallengeDecisionContext {
  action?: ActionState;
  risk?: RiskState;
}

export const initialChallengeState = (): ChallengeState => ({ exists: false });

export function evolveChallenge(state: ChallengeState, event: ChallengeEvent): ChallengeState {
  if (event.type === 'ChallengeRaised') {
    const { challengeId, planId, subjectKind, subjectId } = event.data;
    return { exists: true, challengeId, planId, subjectKind, subjectId, status: 'AWAITING_ANSWER' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'ChallengeAnswered':
      return { ...state, status: 'ANSWERED' };
    case 'ChallengeFollowedUp':
      return { ...state, status: 'AWAITING_ANSWER' };
    case 'ChallengeResolved':
      return { ...state, status: 'RESOLVED' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** The subject's reference, if it is the action or risk named and belongs to the plan. */
function subjectRef(kind: ChallengeSubjectKind, id: string, planId: string, context: ChallengeDecisionContext): string {
  const subject = kind === 'ACTION' ? context.action : context.risk;
  if (!subject?.exists || subject.planId !== planId) throw new ChallengeSubjectOutsidePlanError(kind);
  const subjectId = 'actionId' in subject ? subject.actionId : subject.riskId;
  if (subjectId !== id) throw new ChallengeSubjectOutsidePlanError(kind);
  return subject.ref;
}

export function decideChallenge(command: ChallengeCommand, state: ChallengeState, _metadata: CommandMetadata, context: ChallengeDecisionContext = {}): ChallengeEvent[] {
  if (command.type === 'RaiseChallenge') {
    const { challengeId, planId, subject, question } = command.data;
    if (state.exists) throw new ChallengeAlreadyExistsError(challengeId);
    if (!(CHALLENGE_SUBJECTS as readonly string[]).includes(subject?.kind)) {
      throw new InvalidValueError('subject.kind', `isIn:${CHALLENGE_SUBJECTS.join(',')}`, `subject.kind must be one of ${CHALLENGE_SUBJECTS.join(', ')}`);
    }
    const ref = subjectRef(subject.kind, subject.id, planId, context);
    return [{ type: 'ChallengeRaised', data: { challengeId, planId, subjectKind: subject.kind, subjectId: subject.id, subjectRef: ref, question: requireText('question', question) } }];
  }
  if (!state.exists) throw new ChallengeNotFoundError(command.data.challengeId);
  const { challengeId, status } = state;
  switch (command.type) {
    case 'AnswerChallenge':
      if (status !== 'AWAITING_ANSWER') throw new ChallengeStateError(status, 'answered now');
      return [{ type: 'ChallengeAnswered', data: { challengeId, answer: requireText('answer', command.data.answer) } }];
    case 'FollowUpChallenge':
      if (status !== 'ANSWERED') throw new ChallengeStateError(status, 'followed up now');
      return [{ type: 'ChallengeFollowedUp', data: { challengeId, question: requireText('question', command.data.question) } }];
    case 'ResolveChallenge': {
      // The board may close a thread whenever it is satisfied, answered or not; once.
      if (status === 'RESOLVED') throw new ChallengeStateError(status, 'resolved again');
      const note = command.data.note?.trim() ? requireText('note', command.data.note) : null;
      return [{ type: 'ChallengeResolved', data: { challengeId, note } }];
    }
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}
