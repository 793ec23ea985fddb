/** What a challenge is about: an action or a risk of the plan. */
export const CHALLENGE_SUBJECTS = ['ACTION', 'RISK'] as const;
export type ChallengeSubjectKind = (typeof CHALLENGE_SUBJECTS)[number];

export interface ChallengeSubject {
  kind: ChallengeSubjectKind;
  id: string;
}

/**
 * A thread runs: a question, the owner's answer, perhaps a follow-up question and its answer,
 * until the board marks it resolved. AWAITING_ANSWER and ANSWERED alternate.
 */
export const CHALLENGE_STATUSES = ['AWAITING_ANSWER', 'ANSWERED', 'RESOLVED'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export type RaiseChallenge = {
  type: 'RaiseChallenge';
  data: { challengeId: string; planId: string; subject: ChallengeSubject; question: string };
};

export type AnswerChallenge = { type: 'AnswerChallenge'; data: { challengeId: string; answer: string } };

export type FollowUpChallenge = { type: 'FollowUpChallenge'; data: { challengeId: string; question: string } };

export type ResolveChallenge = { type: 'ResolveChallenge'; data: { challengeId: string; note?: string } };

export type ChallengeCommand = RaiseChallenge | AnswerChallenge | FollowUpChallenge | ResolveChallenge;
