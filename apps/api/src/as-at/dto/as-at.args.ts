import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAsAt } from './is-as-at.validator';

@ArgsType()
export class AsAtArgs {
  @Field({
    nullable: true,
    description: 'Show it exactly as it was at this instant, rebuilt from the event history. A date means the end of that day (UTC).',
  })
  @IsOptional()
  @IsAsAt()
  readonly asAt?: string;

  @Field(() => ID, { nullable: true, description: 'Show it as it was when this board meeting closed.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly asAtMeeting?: string;
}
