import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';

@InputType('ChainHeadInput', { description: 'A chain head copied earlier, e.g. from a quarterly report: the position and the global hash there.' })
export class ChainHeadInput {
  @Field({ description: 'The event store position, as printed in the report.' })
  @IsString()
  @Matches(/^[1-9][0-9]{0,18}$/, { message: 'position must be a store position: a whole number from 1' })
  readonly position: string;

  @Field({ description: 'The global chain hash at that position: 64 hexadecimal characters.' })
  @IsString()
  @Matches(/^[0-9a-fA-F]{64}$/, { message: 'hash must be 64 hexadecimal characters (SHA-256)' })
  readonly hash: string;
}
