import { CalendarDate, dependencyRisks, dependsOnOf, SlipReason } from '@send/domain';
import { ActionView, PlanView } from '@send/read-models';

/** An open action at risk from a slipping action it waits for, as the report shows it. */
export interface ReportDependencyLine {
  action: ActionView;
  /** The slipping action upstream. */
  from: ActionView;
  reasons: SlipReason[];
  /** References from the action at risk to the slipping one: 6.2, 6.3, 5.1. */
  chain: string[];
}

/**
 * The actions at risk from a dependency at the end of the period, by the same rules the API and
 * dashboard use (`dependencyRisks`), on the period's last day. In plan order, nearest slip first.
 */
export function reportDependencyRisks(end: PlanView, today: CalendarDate): ReportDependencyLine[] {
  const actions = new Map(end.actions.map((a) => [a.actionId, a]));
  const risks = dependencyRisks(dependsOnOf(end.dependencies), actions, today);
  return end.actions.flatMap((action) =>
    (risks.get(action.actionId) ?? []).map((risk) => ({
      action,
      from: actions.get(risk.fromActionId)!,
      reasons: risk.reasons,
      chain: risk.chain.map((id) => actions.get(id)?.ref ?? id),
    })),
  );
}
