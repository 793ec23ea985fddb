import { ArgsType, OmitType } from '@nestjs/graphql';
import { ActionsArgs } from './actions.args';

/** The `actions` field on Plan takes the root query's arguments, less the plan id. */
@ArgsType()
export class PlanActionsArgs extends OmitType(ActionsArgs, ['planId'] as const, ArgsType) {}
