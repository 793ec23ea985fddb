import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ImpactFlagService } from './impact-flag.service';
import { ActionModel } from './models/action.model';
import { DeliveryConfidenceModel, ImpactFlagModel } from './models/delivery-confidence.model';

/** Delivery confidence and the impact flag, for an action read live or as at an instant alike. */
@Resolver(() => ActionModel)
export class ActionConfidenceResolver {
  constructor(private readonly impact: ImpactFlagService) {}

  @ResolveField(() => DeliveryConfidenceModel, { nullable: true, description: 'The delivery confidence rating in force: the latest; null until the action is first rated.' })
  deliveryConfidence(@Parent() action: ActionModel): DeliveryConfidenceModel | null {
    return action.confidenceHistory.at(-1) ?? null;
  }

  @ResolveField(() => ImpactFlagModel, {
    nullable: true,
    description:
      '"Green but not moving the needle": set when the action is open and rated Green while a scorecard metric it is meant to move is off target (Amber or Red) or got worse between its last two figures; null otherwise. Judged on the scorecard as the action is read: live, or as at the instant asked for.',
  })
  impactFlag(@Parent() action: ActionModel): Promise<ImpactFlagModel | null> {
    return this.impact.flagFor(action);
  }
}
