import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Rag } from '../../common/graphql-enums';
import { ConditionFinanceLineModel } from './condition-finance-line.model';
import { ConditionStatusName } from './condition-status-name';

@ObjectType('ConditionWording', { description: "One version of a condition's wording, oldest first: the one it was added with, then each revision." })
export class ConditionWordingModel {
  @Field(() => Int) version: number;
  @Field() text: string;
  @Field({ description: 'Where the direction or agreement states it, e.g. "Paragraph 8".' }) sourceParagraph: string;
  @Field({ description: 'The measure or evidence that shows the condition is met.' }) measureOfSuccess: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate: string;
  @Field(() => String, { nullable: true, description: 'Why it was revised; null for the wording it was added with.' }) reason: string | null;
  @Field({ description: 'When it was recorded (ISO instant).' }) recordedAt: string;
}

@ObjectType('ConditionStatusRecord', { description: 'One status recorded by the programme office for a quarter, and whether the board chair approved it.' })
export class ConditionStatusModel {
  @Field({ description: 'The financial-year quarter, e.g. 2025/26 Q2.' }) quarter: string;
  @Field(() => Int, { description: 'Numbered from 1 within the quarter.' }) version: number;
  @Field(() => ConditionStatusName) status: ConditionStatusName;
  @Field() commentary: string;
  @Field({ description: 'True when this status replaced one the board had approved: it needs approving again.' }) replacesApproved: boolean;
  @Field({ description: 'When it was recorded (ISO instant).' }) recordedAt: string;
  @Field(() => String, { nullable: true }) recordedBy: string | null;
  @Field() approved: boolean;
  @Field(() => String, { nullable: true, description: 'When the board chair approved it (ISO instant).' }) approvedAt: string | null;
  @Field(() => String, { nullable: true }) approvedBy: string | null;
}

@ObjectType('ConditionQuarter', { description: "A quarter's status: the newest one recorded, the one the board last approved (they differ while a change awaits approval), and every version." })
export class ConditionQuarterModel {
  @Field() quarter: string;
  @Field(() => ConditionStatusModel) latest: ConditionStatusModel;
  @Field(() => ConditionStatusModel, { nullable: true }) approved: ConditionStatusModel | null;
  @Field({ description: 'The newest status has not been approved yet.' }) awaitingApproval: boolean;
  @Field(() => [ConditionStatusModel], { description: 'Oldest first.' }) versions: ConditionStatusModel[];
}

@ObjectType('ConditionAction', { description: 'An action the condition depends on, as the plan shows it at the instant read.' })
export class ConditionActionModel {
  @Field(() => ID) id: string;
  @Field() ref: string;
  @Field() title: string;
  @Field(() => Rag) rag: Rag;
}

@ObjectType('ConditionMetric', { description: 'A scorecard metric that measures the condition.' })
export class ConditionMetricModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('Condition', { description: 'A condition of the statutory direction or agreement, in its current wording, with its status each quarter.' })
export class ConditionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field({ description: 'C and a number: C2.' }) ref: string;
  @Field() text: string;
  @Field() sourceParagraph: string;
  @Field() measureOfSuccess: string;
  @Field({ description: 'YYYY-MM-DD.' }) dueDate: string;
  @Field(() => Int) wordingVersion: number;
  @Field(() => [ConditionWordingModel], { description: 'Every wording, oldest first.' }) wordings: ConditionWordingModel[];
  @Field(() => [ConditionQuarterModel], { description: 'Each quarter with a status, oldest first.' }) quarters: ConditionQuarterModel[];
  @Field(() => ConditionQuarterModel, { nullable: true, description: 'The newest quarter with a status.' }) currentQuarter: ConditionQuarterModel | null;
  @Field(() => [ConditionActionModel], { description: 'Linked actions, in plan order.' }) actions: ConditionActionModel[];
  @Field(() => [ConditionMetricModel], { description: 'Linked metrics, by name.' }) metrics: ConditionMetricModel[];
  @Field(() => [ConditionFinanceLineModel], { description: 'Linked finance lines, in the order linked, each with its figure and rating at the instant the register shows.' })
  financeLines: ConditionFinanceLineModel[];
  @Field({ description: 'When it was added (ISO instant).' }) addedAt: string;
  @Field(() => Int, { description: "The condition's revision: send it back as expectedRevision." }) revision: number;
}
