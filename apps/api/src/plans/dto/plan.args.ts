import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAsAt } from '../../as-at/dto/is-as-at.validator';
import { PlanViewArgs } from '../../as-at/dto/as-of-date.args';
import { IsNotGivenWith } from '../../common/not-given-with.validator';
import { RECORDED_BY_DEPRECATED } from '../../common/which-time';

@ArgsType()
export class PlanArgs extends PlanViewArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly id: string;
}

/** Several plans can only be shown at one instant, not at one plan's meeting. */
@ArgsType()
export class PlansArgs {
  @Field({ nullable: true, description: 'Show the plans as they were recorded by this instant (a date means the end of that day in the UK).' })
  @IsOptional()
  @IsAsAt()
  readonly recordedBy?: string;

  @Field({ nullable: true, description: 'The old name of recordedBy.', deprecationReason: RECORDED_BY_DEPRECATED })
  @IsOptional()
  @IsAsAt()
  @IsNotGivenWith('recordedBy')
  readonly asAt?: string;
}
