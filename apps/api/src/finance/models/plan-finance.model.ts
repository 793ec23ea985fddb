import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ActionFinanceModel } from './action-finance.model';
import { MoneyModel } from './money.model';

@ObjectType('FinanceTotals', { description: 'Money added up over a set of actions.' })
export class FinanceTotalsModel {
  @Field(() => MoneyModel) plannedCost: MoneyModel;
  @Field(() => MoneyModel) expectedSavings: MoneyModel;
  @Field(() => MoneyModel) spendToDate: MoneyModel;
  @Field(() => MoneyModel) savingsEvidenced: MoneyModel;
  @Field(() => Int, { description: 'How many actions have funding set.' }) actions: number;
}

@ObjectType('PrioritySavingsYear', { description: "A recovery priority's savings target for a financial year against the savings its actions have evidenced." })
export class PrioritySavingsYearModel {
  @Field() year: string;
  @Field(() => MoneyModel, { nullable: true, description: 'Null for a year with savings evidenced but no target set.' }) target: MoneyModel | null;
  @Field(() => MoneyModel) savingsEvidenced: MoneyModel;
  @Field(() => MoneyModel, { nullable: true, description: 'Target less savings evidenced: what is still to find; negative when exceeded. Null without a target.' }) shortfall: MoneyModel | null;
}

@ObjectType('PriorityFinance', { description: 'The money of the actions whose savings count towards one recovery priority, and its savings targets.' })
export class PriorityFinanceModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field(() => FinanceTotalsModel) totals: FinanceTotalsModel;
  @Field(() => [PrioritySavingsYearModel], { description: 'Year by year, oldest first.' }) years: PrioritySavingsYearModel[];
}

@ObjectType('AreaFinance', { description: "The money of the actions under one improvement area." })
export class AreaFinanceModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field(() => FinanceTotalsModel) totals: FinanceTotalsModel;
}

@ObjectType('PrioritySavingsTarget', { description: "A savings target as it was set, revisions included." })
export class PrioritySavingsTargetModel {
  @Field(() => Int) priorityNumber: number;
  @Field() year: string;
  @Field(() => MoneyModel) target: MoneyModel;
  @Field() reason: string;
  @Field(() => Int) revision: number;
  @Field() recordedAt: string;
  @Field(() => String, { nullable: true }) recordedBy: string | null;
}

@ObjectType('PlanFinance', { description: "The plan's money on actions and priorities: each action's figures, rolled up by priority and by area." })
export class PlanFinanceModel {
  @Field() planId: string;
  @Field(() => Int, { nullable: true, description: "The plan's funding revision: send it back as expectedRevision; null before anything is recorded." }) revision: number | null;
  @Field(() => FinanceTotalsModel, { description: 'The whole plan, each action counted once.' }) totals: FinanceTotalsModel;
  @Field(() => [PriorityFinanceModel], {
    description: "By the recovery priority each action's savings count towards (an action counts under one priority, or none), with each year's savings target.",
  })
  priorities: PriorityFinanceModel[];
  @Field(() => [AreaFinanceModel], { description: 'By improvement area.' }) areas: AreaFinanceModel[];
  @Field(() => [ActionFinanceModel], { description: 'Every action with funding set, in ref order.' }) actions: ActionFinanceModel[];
  @Field(() => [PrioritySavingsTargetModel], { description: 'Every savings target set, oldest first, revisions included.' }) targetHistory: PrioritySavingsTargetModel[];
}
