import { niceTicks, periodLabel, periodLength, periodStart } from './chart-scale';
import { AggregateComparator, COMPARATOR_WORDS, formatShort, formatValue, ScorecardMetric } from './scorecard.query';

const WIDTH = 400;
const HEIGHT = 230;
const LEFT = 52;
const RIGHT = 14;
const TOP = 14;
const BOTTOM = 42;
/** Below this many pixels apart, a period's label would run into its neighbour's and is left to the table. */
const LABEL_GAP = 58;
const LINE_HEIGHT = 13;
/** About how wide a character of the 12-unit labels is, to keep a label inside the frame. */
const CHAR_WIDTH = 6.6;

/** Each comparator has its own line pattern and marker shape, so none is told apart by colour alone. */
export const COMPARATOR_ORDER: AggregateComparator[] = ['ENGLAND', 'REGION', 'STATISTICAL_NEIGHBOURS'];

interface Point {
  period: string;
  at: number;
  value: number;
}

export function Marker({ kind, x, y }: { kind: 'series' | 'target' | 'neighbour' | AggregateComparator; x: number; y: number }) {
  switch (kind) {
    case 'series':
      return <circle className="series-point" cx={x} cy={y} r={4.5} />;
    case 'neighbour':
      return <line className="neighbour-point" x1={x - 6} x2={x + 6} y1={y} y2={y} />;
    case 'target':
      return <rect className="target-point" x={x - 4} y={y - 4} width={8} height={8} />;
    case 'ENGLAND':
      return <path className="comparator-point comparator-england" d={`M${x} ${y - 5.5}L${x + 5.5} ${y}L${x} ${y + 5.5}L${x - 5.5} ${y}Z`} />;
    case 'REGION':
      return <path className="comparator-point comparator-region" d={`M${x} ${y - 5.5}L${x + 5.5} ${y + 4.5}L${x - 5.5} ${y + 4.5}Z`} />;
    case 'STATISTICAL_NEIGHBOURS':
      return <circle className="comparator-point comparator-neighbours" cx={x} cy={y} r={4.5} />;
  }
}

/** Labels to the right of their points, pushed apart so none covers another; order kept top to bottom. */
function spread(labels: { y: number; text: string; className: string; x: number }[]) {
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i += 1) sorted[i].y = Math.max(sorted[i].y, sorted[i - 1].y + LINE_HEIGHT);
  return sorted;
}

/**
 * The metric drawn so a board can read it: a value axis with round gridlines, periods on a time
 * axis at their start dates (uneven periods unevenly spaced), the figures with their values, the
 * target trajectory with its Amber tolerance band, and the England, region and statistical
 * neighbour comparators. The picture is summarised in words (aria-label); the table beside it
 * holds every number.
 */
export function TrendChart({ metric }: { metric: ScorecardMetric }) {
  const at = (period: string) => periodStart(metric.frequency, period);
  const placed = <T extends { period: string }>(items: T[]) => items.flatMap((item) => (at(item.period) === null ? [] : [{ ...item, at: at(item.period)! }]));
  const series: Point[] = placed(metric.series);
  const targets = placed(metric.targets).sort((a, b) => a.at - b.at);
  const comparators = COMPARATOR_ORDER.map((name) => ({
    name,
    points: placed(metric.comparatorSeries.filter((c) => c.comparator === name)).sort((a, b) => a.at - b.at),
  })).filter((c) => c.points.length > 0);
  // Each named neighbour is a short grey dash at its period: the spread of councils, named in the table.
  const neighbours = placed(metric.comparatorSeries.filter((c) => c.comparator === 'STATISTICAL_NEIGHBOUR'));
  const all = [...series, ...targets, ...comparators.flatMap((c) => c.points), ...neighbours];
  if (all.length === 0) return <p className="secondary">No figures yet.</p>;

  // The wrong side of the target is above it when lower is better, below it when higher is.
  const worse = metric.polarity === 'LOWER_IS_BETTER' ? 1 : -1;
  const values = [...series.map((s) => s.value), ...targets.flatMap((t) => [t.target, t.target + worse * (t.amberTolerance ?? 0)]), ...comparators.flatMap((c) => c.points.map((p) => p.value)), ...neighbours.map((n) => n.value)];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const [yMin, yMax] = [ticks[0], ticks[ticks.length - 1]];
  const half = periodLength(metric.frequency) / 2;
  const xMin = Math.min(...all.map((p) => p.at)) - half;
  const xMax = Math.max(...all.map((p) => p.at)) + half;
  const x = (time: number) => LEFT + ((time - xMin) / (xMax - xMin)) * (WIDTH - LEFT - RIGHT);
  const y = (value: number) => HEIGHT - BOTTOM - ((value - yMin) / (yMax - yMin || 1)) * (HEIGHT - TOP - BOTTOM);
  const line = (points: { at: number; value: number }[]) => points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');

  const periods = [...new Map(all.map((p) => [p.period, p.at])).entries()].sort((a, b) => a[1] - b[1]);
  let lastLabelled = -Infinity;
  const periodLabels = periods.filter(([, time]) => {
    if (x(time) - lastLabelled < LABEL_GAP) return false;
    lastLabelled = x(time);
    return true;
  });

  const banded = targets.filter((t) => t.amberTolerance !== null && t.amberTolerance > 0);
  const band =
    banded.length > 1
      ? [...banded.map((t) => `${x(t.at).toFixed(1)},${y(t.target).toFixed(1)}`), ...[...banded].reverse().map((t) => `${x(t.at).toFixed(1)},${y(t.target + worse * t.amberTolerance!).toFixed(1)}`)].join(' ')
      : null;

  // A lone figure or comparator still reads: its value is written beside it.
  const sideLabels = spread([
    ...(series.length === 1 ? [{ x: x(series[0].at) + 9, y: y(series[0].value) + 4, text: formatShort(series[0].value, metric.unit), className: 'value-label series-label' }] : []),
    ...comparators.flatMap((c) =>
      c.points.length === 1 ? [{ x: x(c.points[0].at) + 9, y: y(c.points[0].value) + 4, text: `${COMPARATOR_WORDS[c.name]} ${formatShort(c.points[0].value, metric.unit)}`, className: `value-label comparator-label` }] : [],
    ),
    ...(targets.length === 1 ? [{ x: x(targets[0].at) + 9, y: y(targets[0].target) + 4, text: `Target ${formatShort(targets[0].target, metric.unit)}`, className: 'value-label target-label' }] : []),
  ]);

  const first = metric.series[0];
  const last = metric.series[metric.series.length - 1];
  const described = [
    first && last ? (first === last ? `${formatValue(last.value, metric.unit)} in ${last.period}` : `Figures from ${formatValue(first.value, metric.unit)} in ${first.period} to ${formatValue(last.value, metric.unit)} in ${last.period}`) : 'No figures yet',
    metric.target ? `target ${formatValue(metric.target.target, metric.unit)} for ${metric.target.period}` : 'no target set',
    ...comparators.map((c) => {
      const latest = c.points[c.points.length - 1];
      return `${COMPARATOR_WORDS[c.name]} ${formatValue(latest.value, metric.unit)} in ${latest.period}`;
    }),
    ...(neighbours.length > 0 ? [`${new Set(neighbours.map((n) => n.neighbour)).size} named statistical neighbours from ${formatValue(Math.min(...neighbours.map((n) => n.value)), metric.unit)} to ${formatValue(Math.max(...neighbours.map((n) => n.value)), metric.unit)}`] : []),
  ].join('; ');

  return (
    <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Trend: ${described}.`} preserveAspectRatio="xMidYMid meet">
      {ticks.map((t) => (
        <g key={`y-${t}`}>
          <line className="gridline" x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} />
          <text className="axis-label" x={LEFT - 6} y={y(t) + 4} textAnchor="end">
            {formatShort(t, metric.unit)}
          </text>
        </g>
      ))}
      <line className="axis" x1={LEFT} x2={WIDTH - RIGHT} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
      <line className="axis" x1={LEFT} x2={LEFT} y1={TOP} y2={HEIGHT - BOTTOM} />
      {periods.map(([period, time]) => (
        <line key={`tick-${period}`} className="axis" x1={x(time)} x2={x(time)} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM + 5} />
      ))}
      {periodLabels.map(([period, time]) => {
        // A label at either end is kept inside the frame rather than centred off it.
        const text = periodLabel(metric.frequency, period);
        const half = (text.length * CHAR_WIDTH) / 2;
        const [at, anchor]: [number, 'start' | 'middle' | 'end'] = x(time) + half > WIDTH ? [WIDTH - 1, 'end'] : x(time) - half < 0 ? [1, 'start'] : [x(time), 'middle'];
        return (
          <text key={`x-${period}`} className="axis-label period-label" x={at} y={HEIGHT - BOTTOM + 18} textAnchor={anchor} data-x={x(time).toFixed(1)}>
            {text}
          </text>
        );
      })}
      {band && <polygon className="amber-band" points={band} />}
      {banded.length === 1 && (
        <rect className="amber-band" x={x(banded[0].at) - 16} width={32} y={Math.min(y(banded[0].target), y(banded[0].target + worse * banded[0].amberTolerance!))} height={Math.abs(y(banded[0].target) - y(banded[0].target + worse * banded[0].amberTolerance!))} />
      )}
      {neighbours.map((n) => (
        <Marker key={`n-${n.neighbour}-${n.period}`} kind="neighbour" x={x(n.at)} y={y(n.value)} />
      ))}
      {targets.length > 1 && <polyline className="target-line" points={line(targets.map((t) => ({ at: t.at, value: t.target })))} />}
      {targets.map((t) => (
        <Marker key={`t-${t.period}`} kind="target" x={x(t.at)} y={y(t.target)} />
      ))}
      {comparators.map((c) => (
        <g key={c.name}>
          {c.points.length > 1 && <polyline className={`comparator-line comparator-${c.name.toLowerCase().replace(/_/g, '-')}`} points={line(c.points)} />}
          {c.points.map((p) => (
            <Marker key={`${c.name}-${p.period}`} kind={c.name} x={x(p.at)} y={y(p.value)} />
          ))}
        </g>
      ))}
      {series.length > 1 && <polyline className="series-line" points={line(series)} />}
      {series.map((s) => (
        <Marker key={`s-${s.period}`} kind="series" x={x(s.at)} y={y(s.value)} />
      ))}
      {series.length > 1 && series.map((s) => (
        <text key={`v-${s.period}`} className="value-label series-label" x={Math.min(Math.max(x(s.at), LEFT + 16), WIDTH - RIGHT - 16)} y={y(s.value) - 9} textAnchor="middle">
          {formatShort(s.value, metric.unit)}
        </text>
      ))}
      {sideLabels.map((l) => {
        // A label that would run off the right edge goes to the left of its point instead.
        const flip = l.x + l.text.length * CHAR_WIDTH > WIDTH - RIGHT;
        return (
          <text key={l.text} className={l.className} x={flip ? l.x - 18 : l.x} y={l.y} textAnchor={flip ? 'end' : 'start'}>
            {l.text}
          </text>
        );
      })}
    </svg>
  );
}
