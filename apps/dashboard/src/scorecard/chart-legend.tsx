import type { ReactNode } from 'react';
import { COMPARATOR_ORDER, Marker } from './trend-chart';
import { COMPARATOR_WORDS, ScorecardMetric } from './scorecard.query';

/** A swatch as the chart draws it: the line's pattern and the point's shape, so the key matches without relying on colour. */
function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="legend-swatch" viewBox="0 0 30 14" width="30" height="14" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** The chart's key, visible and in words; only what the chart draws is listed. */
export function ChartLegend({ metric }: { metric: ScorecardMetric }) {
  const comparators = COMPARATOR_ORDER.filter((name) => metric.comparatorSeries.some((c) => c.comparator === name));
  const named = metric.comparatorSeries.some((c) => c.comparator === 'STATISTICAL_NEIGHBOUR');
  const banded = metric.targets.some((t) => t.amberTolerance !== null && t.amberTolerance > 0);
  return (
    <ul className="chart-legend">
      {metric.series.length > 0 && (
        <li>
          <Swatch>
            <line className="series-line" x1={0} x2={30} y1={7} y2={7} />
            <Marker kind="series" x={15} y={7} />
          </Swatch>
          Figures
        </li>
      )}
      {metric.targets.length > 0 && (
        <li>
          <Swatch>
            <line className="target-line" x1={0} x2={30} y1={7} y2={7} />
            <Marker kind="target" x={15} y={7} />
          </Swatch>
          Target trajectory
        </li>
      )}
      {banded && (
        <li>
          <Swatch>
            <rect className="amber-band" x={0} y={2} width={30} height={10} />
          </Swatch>
          Amber tolerance
        </li>
      )}
      {comparators.map((name) => (
        <li key={name}>
          <Swatch>
            <line className={`comparator-line comparator-${name.toLowerCase().replace(/_/g, '-')}`} x1={0} x2={30} y1={7} y2={7} />
            <Marker kind={name} x={15} y={7} />
          </Swatch>
          {COMPARATOR_WORDS[name]}
        </li>
      ))}
      {named && (
        <li>
          <Swatch>
            <Marker kind="neighbour" x={15} y={7} />
          </Swatch>
          Each statistical neighbour (named in the table)
        </li>
      )}
    </ul>
  );
}
