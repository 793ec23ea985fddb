import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DECISION_KINDS, DECISION_SUBJECTS, MEETING_TYPES, PLAN_DECISION_KINDS } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';

export const MeetingTypeName = graphqlEnum(MEETING_TYPES, { name: 'MeetingType' });
export type MeetingTypeName = (typeof MEETING_TYPES)[number];

export const DecisionKindName = graphqlEnum(DECISION_KINDS, { name: 'DecisionKind', description: 'What the board decided about an action.' });
export type DecisionKindName = (typeof DECISION_KINDS)[number];

export const PlanDecisionKindName = graphqlEnum(PLAN_DECISION_KINDS, {
  name: 'PlanDecisionKind',
  description: 'What the board decided about the plan or a risk. RISK_TOLERATED and FURTHER_MITIGATION are about a risk only.',
});
export type PlanDecisionKindName = (typeof PLAN_DECISION_KINDS)[number];

export const DecisionSubjectKindName = graphqlEnum(DECISION_SUBJECTS, { name: 'DecisionSubjectKind', description: 'PLAN: the plan as a whole. RISK: one risk of it.' });
export type DecisionSubjectKindName = (typeof DECISION_SUBJECTS)[number];

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

@ObjectType('PlanDecision', { description: 'A decision the board minuted about the plan as a whole or about one risk.' })
export class PlanDecisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field({ description: 'The meeting’s date (YYYY-MM-DD).' }) meetingDate: string;
  @Field(() => DecisionSubjectKindName) subjectKind: DecisionSubjectKindName;
  @Field(() => ID, { nullable: true }) riskId: string | null;
  @Field(() => String, { nullable: true, description: 'The risk’s reference (R3) when the decision is about a risk.' }) riskRef: string | null;
  @Field(() => PlanDecisionKindName) kind: PlanDecisionKindName;
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
  @Field(() => [DecisionModel], { description: 'Decisions about actions.' }) decisions: DecisionModel[];
  @Field(() => [PlanDecisionModel], { description: 'Decisions about the plan as a whole or about a risk.' }) planDecisions: PlanDecisionModel[];
}
