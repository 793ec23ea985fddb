import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { sameValueAs } from '../../common/same-value-as';
import { AS_OF_DATE_DEPRECATED, CURRENT_AS_OF_DATE_DEPRECATED } from '../../common/which-time';
import { OwnerModel } from '../../owners/models/owner.model';
import type { RiskReader } from '../risk-reader';
import { EscalationReasonName, MitigationStatusName, RiskBandName, RiskStatusName } from './risk-enums';

@ObjectType('RiskRating', { description: 'Likelihood and impact, each 1–5; the score is their product and the band follows from it.' })
export class RiskRatingModel {
  @Field(() => Int) likelihood: number;
  @Field(() => Int) impact: number;
  @Field(() => Int) score: number;
  @Field(() => RiskBandName) band: RiskBandName;
}

@ObjectType('RiskTarget', { description: 'The score mitigation aims to bring the risk down to, and by when.' })
export class RiskTargetModel extends RiskRatingModel {
  @Field({ description: 'YYYY-MM-DD.' }) byDate: string;
}

@ObjectType('RiskScore', { description: 'One score the risk has had, oldest first: the one it was raised with, then each re-score.' })
export class RiskScoreModel {
  @Field(() => RiskRatingModel) rating: RiskRatingModel;
  @Field(() => String, { nullable: true, description: 'The day the score describes; null for the score the risk was raised with.', middleware: [sameValueAs('asAt')] })
  readonly asOfDate?: never;
  @Field(() => String, { nullable: true, description: 'The old name of asOfDate.', deprecationReason: AS_OF_DATE_DEPRECATED }) asAt: string | null;
  @Field(() => String, { nullable: true }) commentary: string | null;
  @Field({ description: 'When it was recorded (ISO instant).' }) recordedAt: string;
  @Field(() => Int, { description: "The risk's revision that set it." }) revision: number;
}

@ObjectType('RiskOwnerChange', { description: 'The risk passed from one owner to another, with the reason given.' })
export class RiskOwnerChangeModel {
  @Field(() => OwnerModel, { description: 'Who had it, as the change recorded them.' }) from: OwnerModel;
  @Field(() => OwnerModel, { description: 'Who has it since, as the change recorded them.' }) to: OwnerModel;
  @Field() reason: string;
  @Field({ description: 'When it was recorded (ISO instant).' }) recordedAt: string;
  @Field(() => Int, { description: "The risk's revision that made the change." }) revision: number;
}

@ObjectType('Mitigation', { description: 'What is being done about a risk, by whom and by when.' })
export class MitigationModel {
  @Field(() => ID) id: string;
  @Field() description: string;
  @Field(() => OwnerModel) owner: OwnerModel;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate: string;
  @Field(() => MitigationStatusName) status: MitigationStatusName;
  @Field(() => String, { nullable: true, description: 'What was said when its status last changed.' }) lastCommentary: string | null;
}

@ObjectType('Risk', { description: "A risk in the plan's register: what could go wrong, what it would threaten, and what is being done about it." })
export class RiskModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field({ description: 'R and a number, unique in the plan: R3.' }) ref: string;
  @Field() title: string;
  @Field() description: string;
  @Field() cause: string;
  @Field() consequence: string;
  @Field(() => OwnerModel) owner: OwnerModel;
  @Field(() => [Int]) areaNumbers: number[];
  @Field(() => [Int]) priorityNumbers: number[];
  @Field(() => [ID], { description: 'The actions the risk threatens, or that mitigate it.' }) actionIds: string[];
  @Field(() => RiskRatingModel, { description: 'Before any mitigation.' }) inherent: RiskRatingModel;
  @Field(() => RiskRatingModel, { description: 'With the mitigations in place now.' }) current: RiskRatingModel;
  @Field(() => Int, { nullable: true, description: 'The score the last re-score replaced; null until first re-scored.' }) previousScore: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The day the current score describes; null while it is the score the risk was raised with.',
    middleware: [sameValueAs('currentAsAt')],
  })
  readonly currentAsOfDate?: never;
  @Field(() => String, { nullable: true, description: 'The old name of currentAsOfDate.', deprecationReason: CURRENT_AS_OF_DATE_DEPRECATED }) currentAsAt: string | null;
  @Field(() => RiskTargetModel) target: RiskTargetModel;
  @Field({ description: 'When the owner next reviews it (YYYY-MM-DD).' }) reviewDate: string;
  @Field(() => RiskStatusName) status: RiskStatusName;
  @Field(() => String, { nullable: true, description: 'Why it was closed, or what happened when it became an issue.' }) outcome: string | null;
  @Field(() => [EscalationReasonName], { description: "Why it is on the board's agenda; empty when it is not." }) escalation: EscalationReasonName[];
  @Field({ description: 'When it was raised (ISO instant).' }) raisedAt: string;
  @Field(() => Int, { description: "The risk's revision: send it back as expectedRevision when changing the risk." }) revision: number;
  /** Where its scores and mitigations are read from: now, or the instant the request asked for. Not in the schema. */
  reader: RiskReader;
}
