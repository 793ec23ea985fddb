import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ChainBreakModel } from './chain-break.model';
import { ChainHeadModel, CheckedChainHeadModel } from './chain-head.model';
import { ReadModelCheckModel } from './read-model-mismatch.model';

@ObjectType('HistoryVerification', { description: "The event store's hash chains recomputed from the first event to the last." })
export class HistoryVerificationModel {
  @Field({ description: 'True when both chains hold, every head given is reached and the read database agrees.' }) ok: boolean;
  @Field() checkedAt: string;
  @Field(() => Int) eventsChecked: number;
  @Field(() => Int) streamsChecked: number;
  @Field(() => ChainHeadModel, { nullable: true, description: 'The recomputed chain after the newest event.' }) head?: ChainHeadModel;
  @Field(() => ChainHeadModel, { nullable: true, description: "The chain at this plan's newest event, as the quarterly report prints it." }) planHead?: ChainHeadModel;
  @Field(() => ChainBreakModel, { nullable: true }) firstBreak?: ChainBreakModel;
  @Field(() => [CheckedChainHeadModel]) heads: CheckedChainHeadModel[];
  @Field(() => ReadModelCheckModel) readModel: ReadModelCheckModel;
}
