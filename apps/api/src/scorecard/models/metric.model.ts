import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { sameValueAs } from '../../common/same-value-as';
import { AS_OF_DATE_DEPRECATED } from '../../common/which-time';
import type { MetricReader } from '../../reading/plan-reader';
import { ComparatorName, FrequencyName, MetricRagName, MetricUnitName, PolarityName, TrendDirectionName } from './scorecard-enums';

@ObjectType('Measurement', { description: 'A value for one period. Corrections are new measurements; the one corrected stays, marked superseded.' })
export class MeasurementModel {
  @Field(() => ID) id: string;
  @Field() period: string;
  @Field(() => Float) value: number;
  @Field(() => String, { description: 'The date the figure was true at (YYYY-MM-DD).', middleware: [sameValueAs('asAt')] }) readonly asOfDate?: never;
  @Field({ description: 'The old name of asOfDate.', deprecationReason: AS_OF_DATE_DEPRECATED }) asAt: string;
  @Field() source: string;
  @Field({ description: 'Published figures marked provisional (e.g. the latest exclusions).' }) provisional: boolean;
  @Field({ description: 'When it was recorded here.' }) recordedAt: string;
  @Field(() => ID, { nullable: true }) supersedes: string | null;
  @Field(() => ID, { nullable: true }) supersededBy: string | null;
  @Field(() => String, { nullable: true }) correctionReason: string | null;
}

@ObjectType('MetricTarget')
export class MetricTargetModel {
  @Field() period: string;
  @Field(() => Float) target: number;
  @Field(() => Float, { nullable: true, description: 'How far on the wrong side of the target still counts as Amber.' }) amberTolerance: number | null;
}

@ObjectType('ComparatorValue')
export class ComparatorValueModel {
  @Field(() => ComparatorName) comparator: ComparatorName;
  @Field(() => String, { nullable: true, description: 'The council, for a STATISTICAL_NEIGHBOUR value (e.g. "Kent"); null for England, the region and the neighbours as a group.' })
  neighbour: string | null;
  @Field() period: string;
  @Field(() => Float) value: number;
  @Field() source: string;
}

@ObjectType('Trend')
export class TrendModel {
  @Field(() => TrendDirectionName) direction: TrendDirectionName;
  @Field(() => Boolean, { nullable: true, description: 'True when the move is the good way for the metric’s polarity; null when flat.' })
  improving: boolean | null;
  @Field(() => Float) changeSincePrevious: number;
}

@ObjectType('Metric', { description: 'A scorecard measure the board watches, with its latest figure against target.' })
export class MetricModel {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => MetricUnitName) unit: MetricUnitName;
  @Field(() => PolarityName) polarity: PolarityName;
  @Field(() => FrequencyName) frequency: FrequencyName;
  @Field() source: string;
  @Field({ description: 'Who answers for it.' }) owner: string;
  @Field(() => [Int], { description: 'The improvement areas it evidences.' }) areaNumbers: number[];
  @Field(() => [ID], { description: 'The actions expected to move it.' }) actionIds: string[];
  @Field(() => Int, { description: 'How many times the definition was revised.' }) definitionRevisions: number;
  @Field(() => Int) revision: number;
  @Field(() => MeasurementModel, { nullable: true }) latest: MeasurementModel | null;
  @Field(() => MeasurementModel, { nullable: true }) previous: MeasurementModel | null;
  @Field(() => MeasurementModel, { nullable: true, description: 'The first figure recorded.' }) baseline: MeasurementModel | null;
  @Field(() => TrendModel, { nullable: true }) trend: TrendModel | null;
  @Field(() => Float, { nullable: true }) changeSinceBaseline: number | null;
  @Field(() => MetricTargetModel, { nullable: true, description: 'The target the latest figure is judged against.' }) target: MetricTargetModel | null;
  @Field(() => MetricRagName, { nullable: true, description: 'Null when there is no figure or no target.' }) rag: MetricRagName | null;
  @Field(() => [ComparatorValueModel], { description: 'The published comparators (England, region, statistical neighbours as a group) for the latest period; each named neighbour is in comparatorSeries.' }) comparators: ComparatorValueModel[];
  /** Where its series, targets, comparators and definitions are read: the read database, or the plan as at an instant. */
  reader: MetricReader;
}

@ObjectType('MetricDefinitionVersion', { description: 'One version of a metric’s definition; revisions never overwrite the earlier ones.' })
export class MetricDefinitionVersionModel {
  @Field(() => Int, { description: '1 for the definition, then one more per revision.' }) version: number;
  @Field() name: string;
  @Field() description: string;
  @Field(() => MetricUnitName) unit: MetricUnitName;
  @Field(() => PolarityName) polarity: PolarityName;
  @Field(() => FrequencyName) frequency: FrequencyName;
  @Field() source: string;
  @Field() owner: string;
  @Field(() => [Int]) areaNumbers: number[];
  @Field(() => [ID]) actionIds: string[];
  @Field(() => String, { nullable: true, description: 'Why it was revised; null for the first definition.' }) reason: string | null;
  @Field() recordedAt: string;
  @Field(() => String, { nullable: true }) recordedBy: string | null;
}
