import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RagRollUpModel } from './rag-roll-up.model';

@ObjectType('ImprovementArea', { description: 'One of the eight headings of the improvement plan.' })
export class ImprovementAreaModel {
  @Field(() => Int) number: number;
  @Field() name: string;
  @Field() description: string;
  @Field(() => RagRollUpModel) rollUp: RagRollUpModel;
}
