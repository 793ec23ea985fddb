import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('HistoryHead', {
  description: "The event store's newest end as the store keeps it, for every area: nothing is re-hashed, so it is no proof; verifyHistory is.",
})
export class HistoryHeadModel {
  @Field({ description: 'Position of the newest event: a number, as a string.' }) position: string;
  @Field(() => Int, { description: 'How many events the store holds, every area counted.' }) events: number;
  @Field(() => String, {
    nullable: true,
    description: 'The global chain hash recorded at that position (SHA-256, hexadecimal); copy it with the position and verifyHistory(heads:) checks it later. Null on EventStoreDB, which keeps no global chain.',
  })
  hash: string | null;
}
