import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReadModelMismatch', { description: 'A timeline line in the read database that differs from the event the chain vouches for.' })
export class ReadModelMismatchModel {
  @Field() position: string;
  @Field(() => ID) actionId: string;
  @Field() field: string;
  @Field({ nullable: true }) stored?: string;
  @Field({ nullable: true }) expected?: string;
  @Field() message: string;
}

@ObjectType('ReadModelCheck', { description: "This plan's action timelines in the read database, checked line by line against the verified events." })
export class ReadModelCheckModel {
  @Field(() => Int) rowsChecked: number;
  @Field(() => ReadModelMismatchModel, { nullable: true }) firstMismatch?: ReadModelMismatchModel;
}
