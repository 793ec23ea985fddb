import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ACTION_FINANCE_RECORD_KINDS, ActionFinanceRecordKind } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';
import { MoneyModel } from './money.model';

export const ActionFinanceRecordKindName = graphqlEnum(ACTION_FINANCE_RECORD_KINDS, {
  name: 'ActionFinanceRecordKind',
  description: "Which figure a record gives: the action's funding (planned cost, expected savings, source), its spend to date, or savings evidenced in a year.",
});

@ObjectType('ActionSpend', { description: 'What has been spent on the action so far, as at a date.' })
export class ActionSpendModel {
  @Field(() => MoneyModel) spendToDate: MoneyModel;
  @Field({ description: 'The business date (YYYY-MM-DD) the figure is as of.' }) asOfDate: string;
  @Field() commentary: string;
  @Field(() => Int, { description: 'How many spend figures have been recorded; 1 for the first.' }) revision: number;
}

@ObjectType('ActionYearSavings', { description: 'The savings an action has evidenced in one financial year, as last recorded.' })
export class ActionYearSavingsModel {
  @Field({ description: 'Financial year, e.g. "2025/26".' }) year: string;
  @Field(() => MoneyModel) savings: MoneyModel;
  @Field({ description: 'What evidences them.' }) evidence: string;
  @Field() asOfDate: string;
  @Field(() => Int) revision: number;
}

@ObjectType('ActionFinanceRecord', { description: 'A figure as it was given, revisions included: what the board was told when.' })
export class ActionFinanceRecordModel {
  @Field(() => ActionFinanceRecordKindName) kind: ActionFinanceRecordKind;
  @Field(() => Int) revision: number;
  @Field(() => MoneyModel, { description: 'Planned cost (FUNDING), spend to date (SPEND) or savings (SAVINGS).' }) amount: MoneyModel;
  @Field(() => MoneyModel, { nullable: true, description: 'FUNDING only.' }) expectedSavings: MoneyModel | null;
  @Field(() => String, { nullable: true, description: 'SAVINGS only: the financial year.' }) year: string | null;
  @Field({ description: 'The funding source (FUNDING), the commentary (SPEND) or the evidence (SAVINGS).' }) text: string;
  @Field(() => String, { nullable: true, description: 'Why a FUNDING figure was revised.' }) reason: string | null;
  @Field(() => String, { nullable: true }) asOfDate: string | null;
  @Field() recordedAt: string;
  @Field(() => String, { nullable: true }) recordedBy: string | null;
}

@ObjectType('ActionFinance', { description: "An action's money: planned cost, expected savings, funding source, spend to date and savings evidenced." })
export class ActionFinanceModel {
  @Field(() => ID) actionId: string;
  @Field({ description: "The action's ref, e.g. 4.2." }) ref: string;
  @Field() title: string;
  @Field(() => Int) areaNumber: number;
  @Field(() => MoneyModel, { description: 'The planned cost of (investment in) the action.' }) plannedCost: MoneyModel;
  @Field(() => MoneyModel) expectedSavings: MoneyModel;
  @Field() fundingSource: string;
  @Field(() => Int, { nullable: true, description: "The recovery priority whose savings target the action's savings count towards." }) savingsPriority: number | null;
  @Field(() => ActionSpendModel, { nullable: true, description: 'Null until spend is first recorded.' }) spend: ActionSpendModel | null;
  @Field(() => MoneyModel, { description: 'Planned cost less spend to date; negative is an overspend.' }) unspent: MoneyModel;
  @Field(() => [ActionYearSavingsModel], { description: 'Savings evidenced, year by year, oldest first.' }) savings: ActionYearSavingsModel[];
  @Field(() => MoneyModel, { description: 'Savings evidenced, all years.' }) savingsEvidenced: MoneyModel;
  @Field(() => [ActionFinanceRecordModel], { description: 'Every figure given for this action, oldest first.' }) history: ActionFinanceRecordModel[];
  @Field(() => Int, { description: "The plan's funding revision: send it back as expectedRevision." }) revision: number;
}
