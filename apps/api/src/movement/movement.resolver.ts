import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { PlanReaders } from '../reading/plan-readers.service';
import { toEvidenceModel } from '../actions/models/evidence.model';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { planHistoryComplexity } from '../hardening/history-complexity';
import { toOwnerModel } from '../owners/models/owner.model';
import { MovementArgs } from './dto/movement.args';
import { MovementModel } from './models/movement.model';
import { MovementService } from './movement.service';

@Resolver(() => MovementModel)
export class MovementResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly movements: MovementService,
    private readonly readers: PlanReaders,
  ) {}

  @Query(() => MovementModel, {
    description: 'What moved between two instants or board meetings: RAG up and down, newly overdue or stale, evidence, completions, new and withdrawn actions, owner changes, delivery confidence falling; per area and priority; and the risk register’s movement.',
    complexity: planHistoryComplexity(2),
  })
  @ExpensiveRead()
  async movement(@Args() args: MovementArgs, @CurrentPrincipal() principal: Principal): Promise<MovementModel> {
    const plan = await this.reader.plan(args.planId, principal);
    const { movement: m, end } = await this.movements.between(plan, args, principal);
    const atEnd = this.readers.historic(end);
    const action = atEnd.actionOf.bind(atEnd);
    return {
      planId: plan.planId,
      from: m.from,
      to: m.to,
      knownAt: end.knownAt,
      counts: m.counts,
      fromRollUp: m.fromRollUp,
      toRollUp: m.toRollUp,
      areas: m.areas,
      priorities: m.priorities,
      ragChanges: m.ragChanges.map((c) => ({ action: action(c.action), from: c.from, to: c.to, direction: c.direction })),
      becameOverdue: m.becameOverdue.map(action),
      becameStale: m.becameStale.map(action),
      evidenceAdded: m.evidenceAdded.map((e) => ({ action: action(e.action), evidence: toEvidenceModel(e.evidence) })),
      evidenceAccepted: m.evidenceAccepted.map((e) => ({ action: action(e.action), evidence: toEvidenceModel(e.evidence) })),
      completed: m.completed.map(action),
      added: m.added.map(action),
      withdrawn: m.withdrawn.map(action),
      ownerChanges: m.ownerChanges.map((c) => ({
        action: action(c.action),
        from: toOwnerModel(c.from),
        to: toOwnerModel(c.to),
      })),
      confidenceFell: m.confidenceFell.map((c) => ({ action: action(c.action), from: c.from, to: c.to })),
    };
  }
}
