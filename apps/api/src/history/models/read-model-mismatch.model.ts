import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReadModelMismatch', { description: 'A timeline line in the read database that differs from the event the chain vouches for.' })
export class ReadModelMismatchModel {
  @Field() position: string;
  @Field(() => ID) actionId: string;
  @Field() field: string;
  @Field({ nullable: true, description: 'The value in the read database (the copy).' }) inReadModel?: string;
  @Field({ nullable: true, description: 'The value the projection makes from the event as the event store holds it now. When firstBreak is set that event may be the one edited, and this value the forged one.' })
  inEventStore?: string;
  @Field({ nullable: true, description: 'The old name of inReadModel.', deprecationReason: 'Use inReadModel: the value in the read database.' }) stored?: string;
  @Field({ nullable: true, description: 'The old name of inEventStore.', deprecationReason: 'Use inEventStore: the value the event store gives now, which is not necessarily the right one.' })
  expected?: string;
  @Field() message: string;
}

@ObjectType('ReadModelCheck', { description: "This plan's action timelines in the read database, checked line by line against the verified events." })
export class ReadModelCheckModel {
  @Field(() => Int) rowsChecked: number;
  @Field(() => ReadModelMismatchModel, { nullable: true }) firstMismatch?: ReadModelMismatchModel;
}
