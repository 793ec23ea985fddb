import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DEFICIT_RATINGS } from '@send/domain';
import { graphqlEnum } from '../../common/graphql-enum';
import { MoneyModel } from './money.model';

export const DeficitRatingName = graphqlEnum(DEFICIT_RATINGS, {
  name: 'DeficitRating',
  description: "A forecast year-end cumulative deficit against the recovery plan's trajectory: GREEN at or below it, AMBER above it by no more than the tolerance, RED beyond. Never GREEN above the trajectory.",
});
export type DeficitRatingName = (typeof DEFICIT_RATINGS)[number];

@ObjectType('DeficitTrajectoryPoint', { description: 'What the recovery plan commits to for one financial year.' })
export class TrajectoryPointModel {
  @Field({ description: 'Financial year, e.g. "2025/26".' }) year: string;
  @Field(() => MoneyModel, { description: 'The cumulative deficit committed to at 31 March.' }) cumulativeDeficit: MoneyModel;
  @Field(() => MoneyModel, { description: 'How far above the commitment a forecast is still Amber.' }) amberTolerance: MoneyModel;
}

@ObjectType('HighNeedsForecast', { description: "A quarter's latest forecast outturn and the deficits it implies (derived, never typed)." })
export class HighNeedsForecastModel {
  @Field({ description: 'Financial quarter, e.g. "2025/26 Q2".' }) period: string;
  @Field({ description: 'The quarter in words, e.g. "2025/26 Q2 (July to September 2025)".' }) periodLabel: string;
  @Field(() => MoneyModel, { description: 'Forecast High Needs spend for the whole year.' }) forecastOutturn: MoneyModel;
  @Field() commentary: string;
  @Field(() => Int, { description: 'How many forecasts the quarter has had; 1 for the first.' }) revision: number;
  @Field({ description: 'When it was recorded (ISO instant).' }) recordedAt: string;
  @Field(() => MoneyModel, { description: 'Forecast outturn less the DSG allocation.' }) inYearDeficit: MoneyModel;
  @Field(() => MoneyModel, { description: 'Forecast outturn less the budget; positive is an overspend.' }) varianceAgainstBudget: MoneyModel;
  @Field(() => MoneyModel, { nullable: true, description: "The cumulative deficit implied at 31 March; null while the year's opening is unknown." }) cumulativeDeficit: MoneyModel | null;
  @Field(() => DeficitRatingName, { nullable: true, description: 'Against the trajectory for the year; null without a trajectory or an opening figure.' }) rating: DeficitRatingName | null;
}

@ObjectType('HighNeedsYear', { description: 'One financial year of the High Needs Block: the figures typed and the deficits derived from them.' })
export class HighNeedsYearModel {
  @Field() year: string;
  @Field(() => MoneyModel, { description: 'The High Needs Block allocation of the DSG, after recoupment and agreed transfers.' }) dsgAllocation: MoneyModel;
  @Field(() => MoneyModel, { description: 'The budgeted High Needs spend.' }) budget: MoneyModel;
  @Field(() => Int, { description: 'How often the allocation and budget have been set; 1 for the first.' }) revision: number;
  @Field(() => MoneyModel, { description: 'Budget less DSG allocation.' }) budgetedDeficit: MoneyModel;
  @Field(() => MoneyModel, { nullable: true, description: 'Brought forward: the opening figure for the first year, the previous year’s closing after.' })
  openingCumulativeDeficit: MoneyModel | null;
  @Field(() => [HighNeedsForecastModel], { description: 'Each quarter’s latest forecast, Q1 first.' }) forecasts: HighNeedsForecastModel[];
  @Field(() => HighNeedsForecastModel, { nullable: true, description: "The latest quarter's forecast: the year's outturn once Q4 is in." }) latest: HighNeedsForecastModel | null;
  @Field(() => MoneyModel, { nullable: true, description: 'Opening plus the latest in-year deficit.' }) closingCumulativeDeficit: MoneyModel | null;
  @Field(() => TrajectoryPointModel, { nullable: true }) trajectory: TrajectoryPointModel | null;
}

@ObjectType('HighNeedsForecastRecord', { description: 'A forecast as it was recorded, revisions included: what the board was told when.' })
export class HighNeedsForecastRecordModel {
  @Field() period: string;
  @Field(() => Int) revision: number;
  @Field(() => MoneyModel) forecastOutturn: MoneyModel;
  @Field() commentary: string;
  @Field() recordedAt: string;
  @Field(() => String, { nullable: true, description: 'The user id that recorded it.' }) recordedBy: string | null;
}

@ObjectType('HighNeedsPosition', { description: "The plan's High Needs Block position: DSG allocation, budget, quarterly forecasts, derived deficits and the trajectory." })
export class HighNeedsPositionModel {
  @Field() planId: string;
  @Field({ description: 'The first financial year kept.' }) firstYear: string;
  @Field(() => MoneyModel, { description: 'The cumulative deficit brought forward at 1 April of the first year (negative: a surplus).' }) openingCumulativeDeficit: MoneyModel;
  @Field(() => [HighNeedsYearModel], { description: 'Oldest first.' }) years: HighNeedsYearModel[];
  @Field(() => [TrajectoryPointModel], { description: 'The recovery plan, year by year, future years included.' }) trajectory: TrajectoryPointModel[];
  @Field(() => [HighNeedsForecastRecordModel], { description: 'Every forecast recorded, oldest first, revisions included.' }) forecastHistory: HighNeedsForecastRecordModel[];
  @Field(() => Int, { description: "The position stream's revision." }) revision: number;
}
