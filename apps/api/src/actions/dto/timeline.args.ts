import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class TimelineArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many entries, newest first (at most 100).' }) @IsInt() @Min(1) @Max(100) readonly first: number;

  @Field({ nullable: true, description: "pageInfo.endCursor of the page before: the entries older than that page's last." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  readonly after?: string;
}
