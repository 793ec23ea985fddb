import { Field, Int, ObjectType } from '@nestjs/graphql';
import { HIGH_NEEDS_FINANCE_LINES, PRIORITY_SAVINGS_LINE } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';
import { MoneyModel } from '../../finance/models/money.model';

export const FINANCE_LINE_KINDS = [...HIGH_NEEDS_FINANCE_LINES, PRIORITY_SAVINGS_LINE] as const;
export const ConditionFinanceLineKind = graphqlEnum(FINANCE_LINE_KINDS, {
  name: 'ConditionFinanceLineKind',
  description:
    "HIGH_NEEDS_CUMULATIVE_DEFICIT: the High Needs Block cumulative deficit against the recovery trajectory; HIGH_NEEDS_IN_YEAR_DEFICIT: the in-year deficit against the year's budget; PRIORITY_SAVINGS: a recovery priority's savings target for the year (with priorityNumber).",
});
export type ConditionFinanceLineKind = (typeof FINANCE_LINE_KINDS)[number];

export const FINANCE_LINE_RATINGS = ['GREEN', 'AMBER', 'RED', 'OVER_BUDGET', 'WITHIN_BUDGET', 'SHORTFALL', 'TARGET_MET'] as const;
export const ConditionFinanceLineRating = graphqlEnum(FINANCE_LINE_RATINGS, {
  name: 'ConditionFinanceLineRating',
  description:
    "The cumulative deficit's rating against the trajectory (GREEN, AMBER, RED, as the High Needs position rates it); the in-year deficit OVER_BUDGET or WITHIN_BUDGET; a priority's savings a SHORTFALL or TARGET_MET.",
});
export type ConditionFinanceLineRating = (typeof FINANCE_LINE_RATINGS)[number];

@ObjectType('ConditionFinanceLine', { description: 'A finance line linked to the condition, with its figure at the instant the register shows.' })
export class ConditionFinanceLineModel {
  @Field({ description: 'The line as linked: HIGH_NEEDS_CUMULATIVE_DEFICIT, HIGH_NEEDS_IN_YEAR_DEFICIT or PRIORITY_SAVINGS:3.' }) id: string;
  @Field(() => ConditionFinanceLineKind) line: ConditionFinanceLineKind;
  @Field(() => Int, { nullable: true, description: 'The recovery priority, for PRIORITY_SAVINGS.' }) priorityNumber: number | null;
  @Field({ description: 'The line as a finance lead names it.' }) label: string;
  @Field(() => String, { nullable: true, description: 'The financial year the figure is for; null while there is no figure.' }) year: string | null;
  @Field(() => String, { nullable: true, description: 'The quarter whose forecast gives the High Needs figures (2025/26 Q4).' }) period: string | null;
  @Field(() => MoneyModel, { nullable: true, description: 'The forecast cumulative deficit, the forecast in-year deficit, or the savings evidenced.' }) figure: MoneyModel | null;
  @Field(() => MoneyModel, { nullable: true, description: 'What it is measured against: the trajectory, the budgeted in-year deficit, or the savings target.' }) against: MoneyModel | null;
  @Field(() => ConditionFinanceLineRating, { nullable: true, description: 'Null while there is no figure or nothing to measure it against.' }) rating: ConditionFinanceLineRating | null;
  @Field({ description: 'The figure, what it is against and the rating, in words.' }) summary: string;
}
