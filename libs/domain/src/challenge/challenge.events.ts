import { ChallengeSubjectKind } from './challenge.commands';

/** The subject's reference (8.2, R3) is recorded as it was, so the thread reads without a lookup. */
export type ChallengeRaised = {
  type: 'ChallengeRaised';
  data: { challengeId: string; planId: string; subjectKind: ChallengeSubjectKind; subjectId: string; subjectRef: string; question: string };
};

export type ChallengeAnswered = { type: 'ChallengeAnswered'; data: { challengeId: string; answer: string } };

export type ChallengeFollowedUp = { type: 'ChallengeFollowedUp'; data: { challengeId: string; question: string } };

export type ChallengeResolved = { type: 'ChallengeResolved'; data: { challengeId: string; note: string | null } };

export type ChallengeEvent = ChallengeRaised | ChallengeAnswered | ChallengeFollowedUp | ChallengeResolved;

/** Current schema version of each challenge event; bump with an upcaster, never edit in place. */
export const CHALLENGE_EVENT_VERSIONS: Record<ChallengeEvent['type'], number> = {
  ChallengeRaised: 1,
  ChallengeAnswered: 1,
  ChallengeFollowedUp: 1,
  ChallengeResolved: 1,
};
