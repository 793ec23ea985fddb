import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RISK_DIRECTIONS, THRESHOLD_CROSSINGS } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';
import { RiskModel } from './risk.model';

export const ThresholdCrossing = graphqlEnum(THRESHOLD_CROSSINGS, {
  name: 'ThresholdCrossing',
  description: "ROSE_TO_THRESHOLD: re-scored up to or above the plan's escalation threshold; FELL_BELOW_THRESHOLD: re-scored down from it to below. Each end is judged against the threshold at that time.",
});
export type ThresholdCrossing = (typeof THRESHOLD_CROSSINGS)[number];

export const RiskDirection = graphqlEnum(RISK_DIRECTIONS, { name: 'RiskDirection', description: 'UP: a higher current score (worse); DOWN: a lower one.' });
export type RiskDirection = (typeof RISK_DIRECTIONS)[number];

@ObjectType('RiskRescore', { description: "A risk whose current score differs at the two ends of the period (state against state: up and back down is no change)." })
export class RiskRescoreModel {
  @Field(() => RiskModel, { description: 'The risk as it stands at the end of the period.' }) risk: RiskModel;
  @Field(() => Int) from: number;
  @Field(() => Int) to: number;
  @Field(() => RiskDirection) direction: RiskDirection;
  @Field(() => ThresholdCrossing, { nullable: true, description: "Whether the re-score crossed the board's escalation threshold; null when it did not." })
  crossing: ThresholdCrossing | null;
}

@ObjectType('RiskMovementCounts')
export class RiskMovementCountsModel {
  @Field(() => Int) raised: number;
  @Field(() => Int) rescoredUp: number;
  @Field(() => Int) rescoredDown: number;
  @Field(() => Int) roseToThreshold: number;
  @Field(() => Int) fellBelowThreshold: number;
  @Field(() => Int) closed: number;
  @Field(() => Int) becameIssues: number;
}

@ObjectType('RiskMovement', { description: "What happened to the plan's risk register over the period, each list in reference order, each risk as it stands at the end." })
export class RiskMovementModel {
  @Field(() => RiskMovementCountsModel) counts: RiskMovementCountsModel;
  @Field(() => [RiskModel]) raised: RiskModel[];
  @Field(() => [RiskRescoreModel]) rescored: RiskRescoreModel[];
  @Field(() => [RiskModel]) closed: RiskModel[];
  @Field(() => [RiskModel], { description: 'Recorded as having become an issue in the period.' }) becameIssues: RiskModel[];
}
