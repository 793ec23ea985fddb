import { ActionStatus, RagStatus } from '../action/rag-status';
import { MetricRag } from './metric-rag';
import { Polarity } from './metric.commands';
import { ukPeriod } from '../shared/uk-dates';

/** Where one scorecard metric linked to the action stands: its two latest figures and the RAG of the latest. */
export interface LinkedMetricPosition {
  metricId: string;
  name: string;
  polarity: Polarity;
  /** The latest figure, with its RAG against the target for its period (null when it has no target). */
  latest: { period: string; value: number; rag: MetricRag | null } | null;
  /** The figure for the period before the latest one recorded. */
  previous: { period: string; value: number } | null;
}

export const IMPACT_REASON_KINDS = ['OFF_TARGET', 'WORSENING'] as const;
export type ImpactReasonKind = (typeof IMPACT_REASON_KINDS)[number];

export interface ImpactReason {
  kind: ImpactReasonKind;
  metricId: string;
  metricName: string;
  /** The latest figure's period and value. */
  period: string;
  value: number;
  /** The figure before it, when the metric is getting worse. */
  previous: { period: string; value: number } | null;
  /** The reason in the board's words, naming the metric and its figures. */
  text: string;
}

/** Nine places is far finer than any published figure, and keeps 0.1 + 0.2 from reading as a move. */
const settle = (n: number): number => Number(n.toFixed(9));

function worsened(position: LinkedMetricPosition): boolean {
  const { latest, previous, polarity } = position;
  if (!latest || !previous) return false;
  const change = settle(latest.value) - settle(previous.value);
  return polarity === 'HIGHER_IS_BETTER' ? change < 0 : change > 0;
}

function reasonsFor(position: LinkedMetricPosition): ImpactReason[] {
  const { latest, previous, metricId, name } = position;
  if (!latest) return [];
  const reasons: ImpactReason[] = [];
  const about = { metricId, metricName: name, period: latest.period, value: latest.value };
  if (latest.rag === 'RED' || latest.rag === 'AMBER') {
    reasons.push({ kind: 'OFF_TARGET', ...about, previous: null, text: `${name} is off target: ${latest.value} for ${ukPeriod(latest.period)} is ${latest.rag === 'RED' ? 'Red' : 'Amber'}` });
  }
  if (previous && worsened(position)) {
    reasons.push({ kind: 'WORSENING', ...about, previous: { period: previous.period, value: previous.value }, text: `${name} is getting worse: ${previous.value} for ${ukPeriod(previous.period)}, then ${latest.value} for ${ukPeriod(latest.period)}` });
  }
  return reasons;
}

/**
 * "Green but not moving the needle": an action its owner rates Green (on track) while a scorecard
 * metric it is meant to move is off target (Amber or Red against the target for its latest
 * period) or got worse between its last two figures, the wrong way for the metric's polarity.
 * Tasks can be on track while outcomes are not, and the auditor asks about outcomes, so the board
 * is shown the reasons, each naming the metric. Any other RAG is not flagged: Red and Amber are
 * already on the board's agenda, Blue is judged on its evidence; nor is a withdrawn or superseded
 * action, which keeps its last RAG but is no longer being delivered. A metric with no figure yet, or
 * only one, says nothing either way. Returns null when the action is not flagged; otherwise the
 * reasons in metric name order, off target before worsening.
 */
export function greenButNotMovingTheNeedle(
  action: { rag: RagStatus; status: ActionStatus },
  metrics: readonly LinkedMetricPosition[],
): { reasons: ImpactReason[] } | null {
  if (action.rag !== 'GREEN' || action.status !== 'OPEN') return null;
  const byName = [...metrics].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.metricId < b.metricId ? -1 : 1));
  const reasons = byName.flatMap(reasonsFor);
  return reasons.length === 0 ? null : { reasons };
}
