import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ChainHead', { description: 'The global hash chain after the event at a position. Copy it: verifyHistory(heads:) checks it later.' })
export class ChainHeadModel {
  @Field() position: string;
  @Field({ description: 'SHA-256, hexadecimal.' }) hash: string;
}

@ObjectType('CheckedChainHead', { description: 'A head you gave, and whether the recomputed chain still reaches it.' })
export class CheckedChainHeadModel extends ChainHeadModel {
  @Field() matches: boolean;
}
