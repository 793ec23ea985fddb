import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DECISION_KINDS, MEETING_TYPES } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';

export const MeetingTypeName = graphqlEnum(MEETING_TYPES, { name: 'MeetingType' });
export type MeetingTypeName = (typeof MEETING_TYPES)[number];

export const DecisionKindName = graphqlEnum(DECISION_KINDS, { name: 'DecisionKind', description: 'What the board decided about an action.' });
export type DecisionKindName = (typeof DECISION_KINDS)[number];

@ObjectType('Attendee')
export class AttendeeModel {
  @Field() name: string;
  @Field({ description: 'Role and organisation as minuted.' }) capacity: string;
}

@ObjectType('Decision')
export class DecisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field(() => ID) actionId: string;
  @Field() actionRef: string;
  @Field(() => DecisionKindName) kind: DecisionKindName;
  @Field() summary: string;
  @Field() recordedAt: string;
}

@ObjectType('Meeting', { description: 'A SEND Improvement Board meeting or DfE quarterly review.' })
export class MeetingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => MeetingTypeName) type: MeetingTypeName;
  @Field() date: string;
  @Field() title: string;
  @Field() closed: boolean;
  @Field(() => String, { nullable: true }) minutesReference: string | null;
  @Field(() => [AttendeeModel]) attendees: AttendeeModel[];
  @Field(() => [AttendeeModel]) apologies: AttendeeModel[];
  @Field(() => [DecisionModel]) decisions: DecisionModel[];
}
