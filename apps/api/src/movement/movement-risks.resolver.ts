import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RiskMovementModel } from '../risks/models/risk-movement.model';
import { RiskReadService } from '../risks/risk-read.service';
import { MovementModel } from './models/movement.model';

/** The risk register's part of "what moved": its risks' streams are folded only when a client asks for it. */
@Resolver(() => MovementModel)
export class MovementRisksResolver {
  constructor(private readonly register: RiskReadService) {}

  @ResolveField(() => RiskMovementModel, {
    description: "Risks raised, re-scored (up or down, and whether across the board's escalation threshold), closed or recorded as an issue in the period; state against state.",
  })
  risks(@Parent() movement: MovementModel): Promise<RiskMovementModel> {
    // The movement's ends were checked (the plan visible to the person, from before to) before the parent resolved.
    return this.register.movement(movement.planId, movement.from, movement.to);
  }
}
