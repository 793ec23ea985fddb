import { LinkedMetricPosition } from '@send/domain';
import { ScorecardLine } from './scorecard-line';

/** Where a scorecard line stands, as the "green but not moving the needle" rule reads it. */
export function metricPosition(line: ScorecardLine): LinkedMetricPosition {
  const { metric, latest, previous, rag } = line;
  return {
    metricId: metric.metricId,
    name: metric.name,
    polarity: metric.polarity,
    latest: latest && { period: latest.period, value: latest.value, rag },
    previous: previous && { period: previous.period, value: previous.value },
  };
}

/** The positions of the lines whose metric the action is meant to move. */
export const positionsFor = (lines: readonly ScorecardLine[], actionId: string): LinkedMetricPosition[] =>
  lines.filter((l) => l.metric.actionIds.includes(actionId)).map(metricPosition);
