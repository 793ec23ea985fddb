import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ChainBreakModel } from './chain-break.model';
import { ChainHeadModel, CheckedChainHeadModel } from './chain-head.model';
import { ReadModelCheckModel } from './read-model-mismatch.model';

@ObjectType('HistoryVerification', {
  description: "The event store's hash chains recomputed up to the last event: from the first, or from where this server last verified them.",
})
export class HistoryVerificationModel {
  @Field({ description: 'True when both chains hold, every head given is reached and the read database agrees.' }) ok: boolean;
  @Field() checkedAt: string;
  @Field(() => Int, { description: 'Events the chains vouch for: those hashed now and those verified before by this server.' }) eventsChecked: number;
  @Field(() => Int, { description: 'Events hashed by this check; the others were verified by an earlier one, since this server started.' }) eventsHashed: number;
  @Field(() => String, { nullable: true, description: 'The position this check went on from; null when it started at the first event (full: true, heads given, the first check since start, or after a break).' })
  resumedAfter?: string;
  @Field(() => Int) streamsChecked: number;
  @Field(() => ChainHeadModel, { nullable: true, description: 'The recomputed chain after the newest event, to keep and check against later. Null when the chains do not hold (firstBreak): a head of altered history must not be kept.' })
  head?: ChainHeadModel;
  @Field(() => ChainHeadModel, { nullable: true, description: "The chain at this plan's newest event, as the quarterly report prints it. Null when the chains do not hold (firstBreak)." })
  planHead?: ChainHeadModel;
  @Field(() => ChainBreakModel, { nullable: true }) firstBreak?: ChainBreakModel;
  @Field(() => [String], { description: 'When the chains do not hold: what to do now (trust nothing from the break on, restore a backup that verifies, compare, record the incident). Empty when they hold.' })
  nextSteps: string[];
  @Field(() => [CheckedChainHeadModel]) heads: CheckedChainHeadModel[];
  @Field(() => ReadModelCheckModel) readModel: ReadModelCheckModel;
}
