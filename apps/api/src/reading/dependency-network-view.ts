import { ActionForSlip, CalendarDate, dependencyRisks, DependencyRisk, dependsOnOf, slipReasons } from '@send/domain';
import type { DependencyEntity } from '@send/read-models';
import type { ActionStatus, Rag } from '../common/graphql-enums';
import { ActionLinkModel, DependencyModel, DependencyNetworkModel, DependencyRiskModel, SlippingActionModel } from '../dependencies/models/dependency.model';

/** What the network reads of each action of the plan: a read-model row or an as-at view has it. */
export interface NetworkAction extends ActionForSlip {
  title: string;
  areaNumber: number;
  priorityNumbers: number[];
  refSortKey: string;
  status: ActionStatus;
  rag: Rag;
}

/**
 * A plan's dependencies with its actions on one day, live or as at an instant: the rows the read
 * model holds (or an as-at view folded), judged by the domain's slip rules for that day. A
 * request builds it once per plan and every field below reads from it.
 */
export class DependencyNetworkView {
  private readonly actions: Map<string, NetworkAction>;
  private readonly risks: Map<string, DependencyRisk[]>;

  constructor(
    private readonly planId: string,
    private readonly revision: number | null,
    private readonly dependencies: readonly DependencyEntity[],
    actions: readonly NetworkAction[],
    private readonly today: CalendarDate,
  ) {
    this.actions = new Map(actions.map((a) => [a.actionId, a]));
    this.risks = dependencyRisks(dependsOnOf(dependencies), this.actions, today);
  }

  /** Open actions at risk from a dependency in one area or under one recovery priority: the figure beside its roll-up. */
  atRiskIn(group: { area: number } | { priority: number }): number {
    return [...this.risks.keys()].filter((id) => {
      const action = this.actions.get(id)!;
      return 'area' in group ? action.areaNumber === group.area : action.priorityNumbers.includes(group.priority);
    }).length;
  }

  dependsOn(actionId: string): DependencyModel[] {
    return this.dependencies.filter((d) => d.actionId === actionId).flatMap((d) => this.dependencyModel(d));
  }

  dependents(actionId: string): DependencyModel[] {
    return this.dependencies.filter((d) => d.dependsOnActionId === actionId).flatMap((d) => this.dependencyModel(d));
  }

  atRiskFrom(actionId: string): DependencyRiskModel[] {
    return (this.risks.get(actionId) ?? []).map((risk) => ({ from: this.link(this.actions.get(risk.fromActionId)!), reasons: risk.reasons, chain: this.refs(risk.chain) }));
  }

  model(): DependencyNetworkModel {
    const bySlipping = new Map<string, SlippingActionModel>();
    for (const action of this.inRefOrder([...this.risks.keys()])) {
      for (const risk of this.risks.get(action.actionId)!) {
        const upstream = this.actions.get(risk.fromActionId)!;
        const entry = bySlipping.get(upstream.actionId) ?? { action: this.link(upstream), reasons: risk.reasons, atRisk: [] };
        entry.atRisk.push({ action: this.link(action), chain: this.refs(risk.chain) });
        bySlipping.set(upstream.actionId, entry);
      }
    }
    const slipping = this.inRefOrder([...bySlipping.keys()]).map((a) => bySlipping.get(a.actionId)!);
    return {
      planId: this.planId,
      revision: this.revision,
      dependencies: this.dependencies.flatMap((d) => this.dependencyModel(d)),
      slipping,
      actionsAtRisk: this.risks.size,
    };
  }

  /** Both ends exist whenever the dependency does; as at an instant, an action not yet added leaves it out. */
  private dependencyModel(d: DependencyEntity): DependencyModel[] {
    const action = this.actions.get(d.actionId);
    const dependsOn = this.actions.get(d.dependsOnActionId);
    return action && dependsOn ? [{ action: this.link(action), dependsOn: this.link(dependsOn), note: d.note, declaredAt: d.declaredAt }] : [];
  }

  private link(a: NetworkAction): ActionLinkModel {
    return { id: a.actionId, ref: a.ref, title: a.title, status: a.status, rag: a.rag, dueDate: a.dueDate, originalDueDate: a.originalDueDate, slipReasons: slipReasons(a, this.today) };
  }

  private refs(chain: string[]): string[] {
    return chain.map((id) => this.actions.get(id)?.ref ?? id);
  }

  private inRefOrder(actionIds: string[]): NetworkAction[] {
    return actionIds.map((id) => this.actions.get(id)!).sort((a, b) => (a.refSortKey < b.refSortKey ? -1 : a.refSortKey > b.refSortKey ? 1 : 0));
  }
}
