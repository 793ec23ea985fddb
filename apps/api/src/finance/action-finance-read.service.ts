import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DataSource } from 'typeorm';
import { fundingStream, Pence } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import {
  ActionEntity,
  ActionFinanceRecordEntity,
  ActionFinanceView,
  actionFinanceViewOf,
  FinanceTotals,
  FundingView,
  fundingViewAt,
  fundingViewOf,
  PlanAreaEntity,
  PlanFundingEntity,
  PlanPriorityEntity,
  PrioritySavingsTargetEntity,
  rollUpFunding,
} from '@send/read-models';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ActionFinanceModel } from './models/action-finance.model';
import { money, moneyOrNull } from './models/money.model';
import { FinanceTotalsModel, PlanFinanceModel } from './models/plan-finance.model';

/** What an action's finance shows of the action itself. */
export interface ActionHeading {
  id: string;
  ref: string;
  title: string;
  areaNumber: number;
}

const totalsModel = (t: FinanceTotals): FinanceTotalsModel => ({
  plannedCost: money(t.plannedCost),
  expectedSavings: money(t.expectedSavings),
  spendToDate: money(t.spendToDate),
  savingsEvidenced: money(t.savingsEvidenced),
  actions: t.actions,
});

function actionModel(view: ActionFinanceView, action: ActionHeading, revision: number): ActionFinanceModel {
  const spent: Pence = view.spend?.spendToDate ?? 0;
  return {
    actionId: view.actionId,
    ref: action.ref,
    title: action.title,
    areaNumber: action.areaNumber,
    plannedCost: money(view.plannedCost),
    expectedSavings: money(view.expectedSavings),
    fundingSource: view.fundingSource,
    savingsPriority: view.savingsPriority,
    spend: view.spend && { ...view.spend, spendToDate: money(view.spend.spendToDate) },
    unspent: money(view.plannedCost - spent),
    savings: view.savings.map((s) => ({ ...s, savings: money(s.savings) })),
    savingsEvidenced: money(view.savingsEvidenced),
    history: view.history.map((r) => ({
      kind: r.kind,
      revision: r.revision,
      amount: money(r.amount),
      expectedSavings: moneyOrNull(r.expectedSavings),
      year: r.year === '' ? null : r.year,
      text: r.text,
      reason: r.reason,
      asOfDate: r.asOfDate,
      recordedAt: r.recordedAt,
      recordedBy: r.recordedBy,
    })),
    revision,
  };
}

/** Reads money on actions and priorities from the read models, or folded from the plan's funding stream to an instant; callers check access first. */
@Injectable()
export class ActionFinanceReadService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
  ) {}

  private async liveView(planId: string): Promise<FundingView> {
    const [funding, records, targets] = await Promise.all([
      this.dataSource.getRepository(PlanFundingEntity).findOneBy({ planId }),
      this.dataSource.getRepository(ActionFinanceRecordEntity).findBy({ planId }),
      this.dataSource.getRepository(PrioritySavingsTargetEntity).findBy({ planId }),
    ]);
    return fundingViewOf(planId, funding?.revision ?? null, records, targets);
  }

  private async viewAt(planId: string, asAt: string): Promise<FundingView> {
    return fundingViewAt(planId, await this.store.readStream(fundingStream(planId)), asAt);
  }

  /** One action's money, live or as recorded by `asAt`; null when its funding was not set (by then). */
  async forAction(planId: string, action: ActionHeading, asAt: string | null): Promise<ActionFinanceModel | null> {
    if (asAt !== null) {
      const view = await this.viewAt(planId, asAt);
      const own = view.actions.find((a) => a.actionId === action.id);
      return own ? actionModel(own, action, view.revision!) : null;
    }
    const records = await this.dataSource.getRepository(ActionFinanceRecordEntity).findBy({ actionId: action.id });
    const view = actionFinanceViewOf(action.id, records);
    if (!view) return null;
    const funding = await this.dataSource.getRepository(PlanFundingEntity).findOneByOrFail({ planId });
    return actionModel(view, action, funding.revision);
  }

  /** The plan's roll-up, live or as recorded by `asAt`. */
  async forPlan(planId: string, asAt: string | undefined): Promise<PlanFinanceModel> {
    const view = asAt === undefined ? await this.liveView(planId) : await this.viewAt(planId, asAt);
    const [areas, priorities, actions] = await Promise.all([
      this.dataSource.getRepository(PlanAreaEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.dataSource.getRepository(PlanPriorityEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      view.actions.length === 0
        ? Promise.resolve([])
        : this.dataSource.getRepository(ActionEntity).find({ where: { actionId: In(view.actions.map((a) => a.actionId)) }, order: { refSortKey: 'ASC' } }),
    ]);
    const byId = new Map(actions.map((a) => [a.actionId, a]));
    const rollUp = rollUpFunding(view, (id) => byId.get(id)?.areaNumber, priorities.map((p) => p.number), areas.map((a) => a.number));
    const views = new Map(view.actions.map((a) => [a.actionId, a]));
    return {
      planId,
      revision: view.revision,
      totals: totalsModel(rollUp.totals),
      priorities: rollUp.priorities.map((p) => ({
        number: p.priorityNumber,
        name: priorities.find((x) => x.number === p.priorityNumber)?.name ?? '',
        totals: totalsModel(p.totals),
        years: p.years.map((y) => ({
          year: y.year,
          target: moneyOrNull(y.target),
          savingsEvidenced: money(y.savingsEvidenced),
          shortfall: y.target === null ? null : money(y.target - y.savingsEvidenced),
        })),
      })),
      areas: rollUp.areas.map((a) => ({ number: a.areaNumber, name: areas.find((x) => x.number === a.areaNumber)?.name ?? '', totals: totalsModel(a.totals) })),
      actions: actions.map((a) => actionModel(views.get(a.actionId)!, { id: a.actionId, ref: a.ref, title: a.title, areaNumber: a.areaNumber }, view.revision!)),
      targetHistory: view.targetHistory.map((t) => ({ ...t, target: money(t.target) })),
    };
  }
}
