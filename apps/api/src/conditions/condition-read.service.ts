import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { canSeeArea, ConditionNotFoundError, parseFinanceLineId, Principal, PRIORITY_SAVINGS_LINE } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import {
  ActionEntity,
  ConditionEntity,
  ConditionHistory,
  ConditionRegisterView,
  ConditionStatusEntity,
  ConditionWordingEntity,
  MetricEntity,
  PlanEntity,
  readModelConditionIndex,
} from '@send/read-models';
import { AsAtService } from '../as-at/as-at.service';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { Clock } from '../common/clock';
import { ActionFinanceReadService } from '../finance/action-finance-read.service';
import { HighNeedsReadService } from '../finance/high-needs-read.service';
import { FinanceAtInstant } from './condition-finance-lines';
import { conditionModels, LinkedNames } from './condition-models';
import { ConditionModel } from './models/condition.model';

/** An instant to show the register at, with the corrections known by `knownAt` for the plan's actions. */
export interface RegisterInstant {
  asAt: string;
  knownAt?: string;
}

/**
 * The conditions register, as it stands (the read database) or as it stood at an instant (its
 * conditions' events folded, and the plan folded for the linked actions' names and ratings), for
 * a plan the caller has already been checked to see.
 */
@Injectable()
export class ConditionReadService {
  private readonly history: ConditionHistory;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) store: UpcastingEventStore,
    private readonly asAt: AsAtService,
    private readonly highNeeds: HighNeedsReadService,
    private readonly planFinance: ActionFinanceReadService,
    private readonly clock: Clock,
  ) {
    this.history = new ConditionHistory(readModelConditionIndex(dataSource), store);
  }

  async forPlan(planId: string, instant?: RegisterInstant): Promise<ConditionModel[]> {
    return instant ? this.registerAt(planId, instant) : this.registerNow({ planId });
  }

  async byRef(planId: string, ref: string, instant?: RegisterInstant): Promise<ConditionModel> {
    const found = (instant ? await this.registerAt(planId, instant) : await this.registerNow({ planId, ref: ref.trim() })).find((c) => c.ref === ref.trim());
    if (!found) throw new ConditionNotFoundError(`${ref} in plan ${planId}${instant ? ` as at ${instant.asAt}` : ''}`);
    return found;
  }

  /** For a mutation's answer: the condition as it now stands, if the person may see its plan. */
  async byId(conditionId: string, principal: Principal): Promise<ConditionModel> {
    const row = await this.dataSource.getRepository(ConditionEntity).findOneBy({ conditionId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new ConditionNotFoundError(conditionId);
    const [condition] = await this.registerNow({ conditionId });
    return condition;
  }

  private async registerNow(where: { planId?: string; ref?: string; conditionId?: string }): Promise<ConditionModel[]> {
    const conditions = await this.dataSource.getRepository(ConditionEntity).find({ where, order: { refNumber: 'ASC' } });
    const ids = conditions.map((c) => c.conditionId);
    const [wordings, statuses] = await Promise.all([
      this.dataSource.getRepository(ConditionWordingEntity).findBy({ conditionId: In(ids) }),
      this.dataSource.getRepository(ConditionStatusEntity).findBy({ conditionId: In(ids) }),
    ]);
    const view: ConditionRegisterView = { conditions, wordings, statuses };
    const actionIds = conditions.flatMap((c) => c.actionIds);
    const metricIds = conditions.flatMap((c) => c.metricIds);
    const [actions, metrics] = await Promise.all([
      actionIds.length ? this.dataSource.getRepository(ActionEntity).findBy({ actionId: In(actionIds) }) : [],
      metricIds.length ? this.dataSource.getRepository(MetricEntity).findBy({ metricId: In(metricIds) }) : [],
    ]);
    return conditionModels(view, {
      actions: new Map(actions.map((a) => [a.actionId, { ref: a.ref, title: a.title, rag: a.rag }])),
      metrics: new Map(metrics.map((m) => [m.metricId, m.name])),
      finance: await this.financeAt(conditions, this.clock.now()),
    });
  }

  /**
   * The finance figures the conditions' lines read, at the instant shown: the live read models for
   * now (`asAt` undefined), the funding and High Needs streams folded to `asAt` otherwise. Read only
   * when some condition links a line that needs them.
   */
  private async financeAt(conditions: ConditionEntity[], instant: string, asAt?: string): Promise<FinanceAtInstant> {
    const lines = conditions.flatMap((c) => c.financeLines);
    const planId = conditions[0]?.planId;
    const needsHighNeeds = planId !== undefined && lines.some((id) => parseFinanceLineId(id)?.line !== PRIORITY_SAVINGS_LINE);
    const needsSavings = planId !== undefined && lines.some((id) => parseFinanceLineId(id)?.line === PRIORITY_SAVINGS_LINE);
    const [highNeeds, planFinance] = await Promise.all([
      needsHighNeeds ? this.highNeeds.position(planId, asAt) : null,
      needsSavings ? this.planFinance.forPlan(planId, asAt) : null,
    ]);
    return { instant, highNeeds, planFinance };
  }

  private async registerAt(planId: string, instant: RegisterInstant): Promise<ConditionModel[]> {
    const [view, plan] = await Promise.all([this.history.registerAt(planId, instant.asAt), this.asAt.planView(planId, instant.asAt, instant.knownAt)]);
    const names: LinkedNames = {
      actions: new Map(plan.actions.map((a) => [a.actionId, { ref: a.ref, title: a.title, rag: a.rag }])),
      metrics: new Map(plan.metrics.map((m) => [m.metric.metricId, m.metric.name])),
      finance: await this.financeAt(view.conditions, instant.asAt, instant.asAt),
    };
    return conditionModels(view, names);
  }
}
