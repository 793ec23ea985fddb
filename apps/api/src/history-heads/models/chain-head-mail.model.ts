import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CHAIN_HEAD_MAIL_OCCASIONS } from '@send/domain';
import { CHAIN_HEAD_MAIL_STATUSES } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';
import { ChainHeadModel } from '../../history/models/chain-head.model';

export const ChainHeadMailOccasionName = graphqlEnum(CHAIN_HEAD_MAIL_OCCASIONS, {
  name: 'ChainHeadMailOccasion',
  description: 'Why the head was mailed: the weekly copy, a board meeting closed, or a quarterly return signed off.',
});
export type ChainHeadMailOccasionName = (typeof CHAIN_HEAD_MAIL_OCCASIONS)[number];

/** CLAIMED: being sent now, or the sender stopped mid-way (it is not sent again); SENT; FAILED (a retry is due); GAVE_UP. */
export const ChainHeadMailStatusName = graphqlEnum(CHAIN_HEAD_MAIL_STATUSES, { name: 'ChainHeadMailStatus' });
export type ChainHeadMailStatusName = (typeof CHAIN_HEAD_MAIL_STATUSES)[number];

@ObjectType('ChainHeadMail', { description: "A copy of the history's chain head mailed to the area's DfE adviser and board chair, and what became of it." })
export class ChainHeadMailModel {
  @Field(() => ChainHeadMailOccasionName) occasion: ChainHeadMailOccasionName;
  @Field(() => ID, { nullable: true, description: "The plan whose meeting or return it marks; null for the weekly mail, which is the area's." }) planId: string | null;
  @Field(() => ChainHeadModel, { description: 'The head mailed (by the latest attempt): check it with verifyHistory(heads:).' }) head: ChainHeadModel;
  @Field(() => [String]) recipients: string[];
  @Field(() => ChainHeadMailStatusName) status: ChainHeadMailStatusName;
  @Field(() => Int) attempts: number;
  @Field({ description: 'When the latest attempt was claimed (ISO instant).' }) claimedAt: string;
  @Field(() => String, { nullable: true }) sentAt: string | null;
  @Field(() => String, { nullable: true, description: "The mail server's reply to the last failed attempt." }) lastError: string | null;
  @Field(() => String, { nullable: true, description: 'When the next attempt is due after a failure.' }) retryAfter: string | null;
}
