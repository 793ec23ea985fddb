import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Principal } from '@send/domain';
import { EventStore } from '@send/event-store';
import { PlanEntity, PlanView } from '@send/read-models';
import { ActionReadService } from './action-read.service';
import { ActionLookup } from '../actions/dto/action-query.args';
import { ActionModel } from '../actions/models/action.model';
import { AsAtArgs } from '../as-at/dto/as-at.args';
import { PlanViewArgs } from '../as-at/dto/as-of-date.args';
import { AsAtService } from '../as-at/as-at.service';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { OwnerWorkloadService } from './owner-workload.service';
import { PlanRollUpService } from './plan-roll-up.service';
import { ScorecardReadService } from './scorecard-read.service';
import { HistoricPlanReader } from './historic-plan-reader';
import { LivePlanReader, LiveReading } from './live-plan-reader';
import { PlanReader } from './plan-reader';

/**
 * Picks a request's reader, once: after the access check, the recordedBy (or asAt), asAtMeeting, asOfDate and
 * knownAt arguments decide between the plan as it stands (read database) and as it was or was dated (event store).
 */
@Injectable()
export class PlanReaders {
  private readonly reading: LiveReading;

  constructor(
    private readonly dataSource: DataSource,
    clock: Clock,
    rollUps: PlanRollUpService,
    workloads: OwnerWorkloadService,
    private readonly scorecard: ScorecardReadService,
    private readonly access: ActionReadService,
    private readonly asAt: AsAtService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.reading = { dataSource, clock, rollUps, workloads, scorecard };
  }

  /** A plan the person may see, read as the arguments ask; NOT_FOUND for another area's plan, or one that did not exist yet. */
  async forPlan(planId: string, args: PlanViewArgs, principal: Principal): Promise<PlanReader> {
    return this.pick(await this.access.plan(planId, principal), args, principal);
  }

  /** The plans in the person's areas, in area then id order; as at an instant, only those that existed then. */
  async visiblePlans(args: Pick<AsAtArgs, 'recordedBy' | 'asAt'>, principal: Principal): Promise<PlanReader[]> {
    const areas = [...new Set(principal.grants.map((g) => g.localAreaId))];
    const rows = await this.dataSource
      .getRepository(PlanEntity)
      .find({ where: { localAreaId: In(areas) }, order: { localAreaName: 'ASC', planId: 'ASC' } });
    const asAt = await this.asAt.instant(args, principal);
    if (asAt === undefined) return rows.map((row) => this.live(row));
    const views = await Promise.all(rows.map((row) => this.asAt.planView(row.planId, asAt).catch(() => undefined)));
    return views.filter((v): v is PlanView => v !== undefined).map((view) => this.historic(view));
  }

  /** An action named by id or by plan and reference, read as the arguments ask. */
  async action(lookup: ActionLookup, args: PlanViewArgs, principal: Principal): Promise<ActionModel> {
    const { row, plan } = await this.access.visibleActionBy(lookup, principal);
    return (await this.pick(plan, args, principal)).action(row);
  }

  /** An action as it stands now: what a mutation answers with, once the read models have its change. */
  async liveAction(actionId: string, principal: Principal): Promise<ActionModel> {
    const { row, plan } = await this.access.visibleAction(actionId, principal);
    return this.live(plan).action(row);
  }

  /** The plan as it was at an instant already checked (a meeting's close); NOT_FOUND if it did not exist yet. */
  async at(planId: string, asAt: string, knownAt?: string): Promise<HistoricPlanReader> {
    return this.historic(await this.asAt.planView(planId, asAt, knownAt));
  }

  live(plan: PlanEntity): LivePlanReader {
    return new LivePlanReader(this.reading, plan);
  }

  historic(view: PlanView): HistoricPlanReader {
    return new HistoricPlanReader(view, this.scorecard, this.store);
  }

  private async pick(plan: PlanEntity, args: PlanViewArgs, principal: Principal): Promise<PlanReader> {
    const dated = this.asAt.businessDate(args);
    if (dated !== undefined) return this.historic(await this.asAt.planView(plan.planId, dated.knownAt, dated.knownAt, dated.asOfDate));
    const asAt = await this.asAt.instant(args, principal, plan.planId);
    const knownAt = this.asAt.knownAt(args, asAt);
    return asAt === undefined ? this.live(plan) : this.at(plan.planId, asAt, knownAt);
  }
}
