import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CHALLENGE_STATUSES, CHALLENGE_SUBJECTS } from '@send/domain';
import { CHALLENGE_MESSAGE_KINDS } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';

export const ChallengeStatusName = graphqlEnum(CHALLENGE_STATUSES, { name: 'ChallengeStatus', description: 'AWAITING_ANSWER and ANSWERED take turns until the board marks the thread RESOLVED.' });
export type ChallengeStatusName = (typeof CHALLENGE_STATUSES)[number];

export const ChallengeSubjectKindName = graphqlEnum(CHALLENGE_SUBJECTS, { name: 'ChallengeSubjectKind' });
export type ChallengeSubjectKindName = (typeof CHALLENGE_SUBJECTS)[number];

export const ChallengeMessageKindName = graphqlEnum(CHALLENGE_MESSAGE_KINDS, { name: 'ChallengeMessageKind' });
export type ChallengeMessageKindName = (typeof CHALLENGE_MESSAGE_KINDS)[number];

@ObjectType('ChallengeMessage', { description: 'One turn of a thread: a question, an answer, or the board’s resolution.' })
export class ChallengeMessageModel {
  @Field(() => ChallengeMessageKindName) kind: ChallengeMessageKindName;
  @Field(() => String, { nullable: true, description: 'Null for a resolution with no note.' }) text: string | null;
  @Field(() => String, { nullable: true }) byName: string | null;
  @Field(() => String, { nullable: true, description: 'The role they spoke in.' }) byRole: string | null;
  @Field({ description: 'ISO instant.' }) at: string;
}

@ObjectType('Challenge', { description: 'A board member’s or the DfE adviser’s question about an action or a risk, the owner’s answers, and the board’s resolution.' })
export class ChallengeModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => ChallengeSubjectKindName) subjectKind: ChallengeSubjectKindName;
  @Field(() => ID) subjectId: string;
  @Field({ description: 'The action’s or risk’s reference: 8.2, R3.' }) subjectRef: string;
  @Field(() => ChallengeStatusName) status: ChallengeStatusName;
  @Field(() => String, { nullable: true }) raisedBy: string | null;
  @Field() raisedAt: string;
  @Field() lastChangedAt: string;
  @Field(() => Int) revision: number;
  /** Set when the thread is shown as it stood at an instant: its turns are those taken by then. */
  shownAsAt?: string;
}
