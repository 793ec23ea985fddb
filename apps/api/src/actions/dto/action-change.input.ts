import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Every change to an existing action names it and the revision the client last saw. */
@InputType({ isAbstract: true })
export abstract class ActionChangeInput {
  @Field(() => ID)
  @IsUUID()
  readonly actionId: string;

  @Field(() => Int, { description: "The action's revision when you loaded it; a stale revision gives CONFLICT." })
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  readonly expectedRevision: number;

  @Field(() => ID, { nullable: true, description: 'Optional id of this command, so a retried request is recognised.' })
  @IsOptional()
  @IsUUID()
  readonly commandId?: string;
}
