import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum MeetingTypeName {
  BOARD = 'BOARD',
  DFE_QUARTERLY_REVIEW = 'DFE_QUARTERLY_REVIEW',
}

export enum DecisionKindName {
  EVIDENCE_ACCEPTED = 'EVIDENCE_ACCEPTED',
  ACTION_CLOSED = 'ACTION_CLOSED',
  ESCALATED = 'ESCALATED',
  DUE_DATE_AGREED = 'DUE_DATE_AGREED',
  NOTED = 'NOTED',
}

registerEnumType(MeetingTypeName, { name: 'MeetingType' });
registerEnumType(DecisionKindName, { name: 'DecisionKind', description: 'What the board decided about an action.' });

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
