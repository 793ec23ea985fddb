import { ArgsType, Field, ID, IntersectionType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AsAtArgs } from '../../as-at/dto/as-at.args';
import { ActionsArgs } from './actions.args';

@ArgsType()
export class ActionArgs extends AsAtArgs {
  @Field(() => ID) @IsString() @IsNotEmpty() @MaxLength(64) readonly id: string;
}

/** The root `actions` query takes an instant too; `Plan.actions` follows its plan's instead. */
@ArgsType()
export class ActionsQueryArgs extends IntersectionType(ActionsArgs, AsAtArgs, ArgsType) {}
