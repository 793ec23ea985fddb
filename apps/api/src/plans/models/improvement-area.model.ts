import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RagRollUpModel } from './rag-roll-up.model';
import type { PlanReader } from '../../reading/plan-reader';

@ObjectType('ImprovementArea', { description: 'One of the eight headings of the improvement plan.' })
export class ImprovementAreaModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field() description: string;
  @Field(() => RagRollUpModel) rollUp: RagRollUpModel;
  /** The plan's reader, live or as at an instant, for what is counted beside the roll-up. */
  reader?: PlanReader;
}
