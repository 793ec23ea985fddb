import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RagRollUpModel } from './rag-roll-up.model';

@ObjectType('RecoveryPriority', { description: 'One of the seven High Needs Block Deficit Recovery Plan priorities.' })
export class RecoveryPriorityModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field() description: string;
  @Field(() => RagRollUpModel) rollUp: RagRollUpModel;
}
