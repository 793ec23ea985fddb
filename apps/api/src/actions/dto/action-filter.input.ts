import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ActionFilter } from '@send/read-models';
import { ActionStatus, Rag } from '../../common/graphql-enums';
import { ACTION_REF, ACTION_REF_MESSAGE } from './action-ref';

@InputType()
export class ActionFilterInput {
  @Field({ nullable: true, description: 'Only the action with this reference, e.g. "8.2".' })
  @IsOptional()
  @IsString()
  @Matches(ACTION_REF, { message: ACTION_REF_MESSAGE })
  readonly ref?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(8) readonly area?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(7) readonly priority?: number;
  @Field(() => Rag, { nullable: true }) @IsOptional() @IsEnum(Rag) readonly rag?: Rag;
  @Field(() => ActionStatus, { nullable: true }) @IsOptional() @IsEnum(ActionStatus) readonly status?: ActionStatus;
  @Field({ nullable: true, description: 'true: only open and complete actions, the ones the roll-up counts in its total; false: only withdrawn and superseded ones.' })
  @IsOptional()
  @IsBoolean()
  readonly inForce?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(64) readonly ownerId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() readonly overdue?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() readonly stale?: boolean;
  @Field({
    nullable: true,
    description: 'true: only open Green actions whose linked scorecard metrics are off target or getting worse ("green but not moving the needle", each with an impactFlag), judged on the scorecard as at the instant read; false: every other action.',
  })
  @IsOptional()
  @IsBoolean()
  readonly notMovingTheNeedle?: boolean;
}

/** `flagged`: the ids of the actions not moving the needle, needed only when the input filters on it. */
export function toActionFilter(input: ActionFilterInput = {}, flagged?: readonly string[]): ActionFilter {
  return {
    ref: input.ref,
    areaNumber: input.area,
    priorityNumber: input.priority,
    rag: input.rag,
    status: input.status,
    inForce: input.inForce,
    ownerId: input.ownerId,
    overdue: input.overdue,
    stale: input.stale,
    among: input.notMovingTheNeedle === undefined || flagged === undefined ? undefined : { ids: flagged, inside: input.notMovingTheNeedle },
  };
}
