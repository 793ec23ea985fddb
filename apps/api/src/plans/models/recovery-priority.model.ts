import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RagRollUpModel } from './rag-roll-up.model';
import type { PlanReader } from '../../reading/plan-reader';

@ObjectType('RecoveryPriority', { description: 'One of the seven High Needs Block Deficit Recovery Plan priorities.' })
export class RecoveryPriorityModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field() description: string;
  @Field(() => RagRollUpModel) rollUp: RagRollUpModel;
  /** The plan's reader, live or as at an instant, for what is counted beside the roll-up. */
  reader?: PlanReader;
}
