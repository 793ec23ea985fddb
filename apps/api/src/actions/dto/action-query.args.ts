import { ArgsType, Field, ID, IntersectionType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { InvalidValueError } from '@send/domain';
import { PlanViewArgs } from '../../as-at/dto/as-of-date.args';
import { ActionsArgs } from './actions.args';
import { ACTION_REF, ACTION_REF_MESSAGE } from './action-ref';


/**
 * `id` stayed the same argument when `planId` and `ref` were added, so queries written for the id
 * alone still run; which of the two a request means is checked by `actionLookupOf`.
 */
@ArgsType()
export class ActionArgs extends PlanViewArgs {
  @Field(() => ID, { nullable: true, description: "The action's id. Give it, or planId and ref." })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly id?: string;

  @Field(() => ID, { nullable: true, description: 'With ref: the plan the action belongs to.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  readonly planId?: string;

  @Field({ nullable: true, description: 'With planId: the action’s reference in its plan, e.g. "8.2".' })
  @IsOptional()
  @IsString()
  @Matches(ACTION_REF, { message: ACTION_REF_MESSAGE })
  readonly ref?: string;
}

export type ActionLookup = { id: string } | { planId: string; ref: string };

/** One way of naming the action, never two, so a client cannot be answered about another action than it meant. */
export function actionLookupOf(args: ActionArgs): ActionLookup {
  const byRef = args.planId !== undefined || args.ref !== undefined;
  if (args.id !== undefined && byRef) {
    throw new InvalidValueError('id', 'idOrPlanAndRef', 'Give the action’s id, or planId and ref, not both');
  }
  if (args.id !== undefined) return { id: args.id };
  if (!byRef) throw new InvalidValueError('id', 'required', 'Give the action’s id, or planId and ref (e.g. planId: "demo-plan", ref: "8.2")');
  if (args.planId === undefined) throw new InvalidValueError('planId', 'required', 'ref needs planId: references are unique within a plan only');
  if (args.ref === undefined) throw new InvalidValueError('ref', 'required', 'planId needs ref (e.g. "8.2") to name an action; the plan’s actions are listed by actions(planId:)');
  return { planId: args.planId, ref: args.ref };
}

/** The root `actions` query takes an instant or a business date too; `Plan.actions` follows its plan's instead. */
@ArgsType()
export class ActionsQueryArgs extends IntersectionType(ActionsArgs, PlanViewArgs, ArgsType) {}
