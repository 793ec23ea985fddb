import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { EventStore } from '@send/event-store';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { storeHeadComplexity } from '../hardening/history-complexity';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { HistoryHeadArgs } from './dto/history-head.args';
import { HistoryHeadModel } from './models/history-head.model';

/**
 * How far the store has got, for clients that want to know whether anything was recorded (and
 * tests that a refusal recorded nothing) without the cost of verifyHistory. It names no stream or
 * event, only counts the readiness check already shows, so anyone with a role in the plan's area
 * may ask; the plan is what ties the question to an area.
 */
@Resolver()
export class HistoryHeadResolver {
  constructor(
    private readonly reader: ActionReadService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Query(() => HistoryHeadModel, {
    description: "The event store's newest position, its event count and the chain hash recorded there, without re-hashing anything. Anyone with a role in the plan's area.",
    complexity: storeHeadComplexity,
  })
  async historyHead(@Args() args: HistoryHeadArgs, @CurrentPrincipal() principal: Principal): Promise<HistoryHeadModel> {
    await this.reader.plan(args.planId, principal);
    // A plan the read models show was recorded first, so the store is never empty here.
    const head = (await this.store.head())!;
    return { position: String(head.position), events: head.events, hash: head.globalHash ?? null };
  }
}
