import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PlanViewArgs } from '../../as-at/dto/as-of-date.args';

@ArgsType()
export class OwnersArgs extends PlanViewArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly planId: string;
}
