import type { ChallengeStatus, ChallengeSubjectKind } from '@send/domain';

export const CHALLENGES_QUERY = `query Challenges($planId: ID!, $subjectId: ID, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  challenges(planId: $planId, subjectId: $subjectId, statuses: [AWAITING_ANSWER, ANSWERED, RESOLVED], recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id status subjectKind subjectRef
    messages { kind text byName at }
  }
}`;

const THREAD = 'id status messages { kind text byName at }';
export const RAISE_CHALLENGE = `mutation ($input: RaiseChallengeInput!) { raiseChallenge(input: $input) { ${THREAD} } }`;
export const ANSWER_CHALLENGE = `mutation ($input: AnswerChallengeInput!) { answerChallenge(input: $input) { ${THREAD} } }`;
export const FOLLOW_UP_CHALLENGE = `mutation ($input: FollowUpChallengeInput!) { followUpChallenge(input: $input) { ${THREAD} } }`;
export const RESOLVE_CHALLENGE = `mutation ($input: ResolveChallengeInput!) { resolveChallenge(input: $input) { ${THREAD} } }`;


export interface ChallengeThread {
  id: string;
  status: ChallengeStatus;
  subjectKind: ChallengeSubjectKind;
  subjectRef: string;
  messages: { kind: 'QUESTION' | 'ANSWER' | 'RESOLUTION'; text: string | null; byName: string | null; at: string }[];
}

export const STATUS_WORDS: Record<ChallengeStatus, string> = {
  AWAITING_ANSWER: 'Waiting for an answer',
  ANSWERED: 'Answered',
  RESOLVED: 'Resolved',
};
