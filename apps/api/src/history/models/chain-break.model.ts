import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CHAIN_BREAK_KINDS, ChainBreakKind } from '@send/event-store';
import { graphqlEnum } from '../../common/graphql-enum';

const KINDS = graphqlEnum(CHAIN_BREAK_KINDS, {
  name: 'ChainBreakKind',
  valuesMap: {
    EDITED: { description: 'An event no longer matches its hash: its content was changed after it was recorded.' },
    MISSING: { description: 'An event is gone: deleted from the store.' },
    REORDERED: { description: 'Events are no longer in the order they were recorded in.' },
    UNCHAINED: { description: 'An event carries no hash: it was not written through the store.' },
    HEAD_MISMATCH: { description: 'The chain no longer reaches a head you copied earlier: history before it was rewritten.' },
  },
});

@ObjectType('ChainBreak', { description: 'The first place the recomputed history differs from what was recorded.' })
export class ChainBreakModel {
  @Field(() => KINDS) kind: ChainBreakKind;
  @Field() position: string;
  @Field({ description: "Whether the break is in one of this plan's streams; stream and event are named only then." }) inThisPlan: boolean;
  @Field({ nullable: true }) streamId?: string;
  @Field(() => Int, { nullable: true }) revision?: number;
  @Field({ nullable: true }) eventId?: string;
  @Field() message: string;
}
