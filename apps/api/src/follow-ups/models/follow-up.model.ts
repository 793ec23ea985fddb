import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { FOLLOW_UP_STATUSES } from '@send/domain';
import { FOLLOW_UP_NOTE_KINDS } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';

export const FollowUpStatusName = graphqlEnum(FOLLOW_UP_STATUSES, { name: 'FollowUpStatus', description: 'OPEN until DONE or DROPPED; it is carried to every meeting until then.' });
export type FollowUpStatusName = (typeof FOLLOW_UP_STATUSES)[number];

export const FollowUpNoteKindName = graphqlEnum(FOLLOW_UP_NOTE_KINDS, { name: 'FollowUpNoteKind' });
export type FollowUpNoteKindName = (typeof FOLLOW_UP_NOTE_KINDS)[number];

@ObjectType('FollowUpOwner', {
  description: 'Who is to do it: an owner of the directory (anyone linked to them may report on it), or, for a follow-up minuted as text, a name and a role and maybe a user id.',
})
export class FollowUpOwnerModel {
  @Field(() => ID, { nullable: true, description: 'The owner (Owner.id); null for a follow-up whose owner was minuted as text.' }) id: string | null;
  @Field() name: string;
  @Field() role: string;
  @Field(() => String, { nullable: true, description: 'Null for an owner minuted as text.' }) organisation: string | null;
  @Field(() => ID, { nullable: true, description: 'Only on a follow-up whose owner was minuted as text: the person it named, who may report on it.' }) userId: string | null;
}

@ObjectType('FollowUpNote', { description: 'A note on a follow-up after it was raised: progress, or why it was completed or dropped.' })
export class FollowUpNoteModel {
  @Field(() => FollowUpNoteKindName) kind: FollowUpNoteKindName;
  @Field() note: string;
  @Field(() => String, { nullable: true, description: 'The new due date, when the note moved it.' }) dueDate: string | null;
  @Field({ description: 'The UK day it was written (YYYY-MM-DD).' }) on: string;
  @Field(() => String, { nullable: true }) byName: string | null;
  @Field(() => String, { nullable: true, description: 'The role they wrote it in.' }) byRole: string | null;
}

@ObjectType('FollowUp', { description: 'An entry in the board’s meeting action log: something asked for at a meeting that is not a plan action.' })
export class FollowUpModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => ID, { description: 'The meeting that asked for it.' }) meetingId: string;
  @Field({ description: 'That meeting’s date (YYYY-MM-DD).' }) meetingDate: string;
  @Field() description: string;
  @Field(() => FollowUpOwnerModel) owner: FollowUpOwnerModel;
  @Field({ description: 'YYYY-MM-DD; the latest agreed.' }) dueDate: string;
  @Field(() => FollowUpStatusName) status: FollowUpStatusName;
  @Field({ description: 'Open and due before today (UK), or before the day asked for with recordedBy or asAtMeeting.' }) overdue: boolean;
  @Field(() => String, { nullable: true, description: 'The UK day it was completed or dropped.' }) closedOn: string | null;
  @Field({ description: 'When it was recorded (ISO instant).' }) raisedAt: string;
  @Field(() => Int) revision: number;
  /** Where its notes are read from: now, or the instant the request asked for. Not in the schema. */
  notesReader: (followUpId: string) => Promise<FollowUpNoteModel[]>;
}
