import { formatValue, ScorecardMetric } from './scorecard.query';

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 12;

/**
 * The series as a solid line with points and the target trajectory as a dashed line, on one
 * period axis. The picture is described in words too (aria-label), so a screen reader hears it.
 */
export function TrendChart({ metric }: { metric: ScorecardMetric }) {
  const periods = [...new Set([...metric.series.map((s) => s.period), ...metric.targets.map((t) => t.period)])].sort();
  const values = [...metric.series.map((s) => s.value), ...metric.targets.map((t) => t.target)];
  if (periods.length === 0) return <p className="secondary">No figures yet.</p>;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  const x = (period: string) => PAD + (periods.length === 1 ? (WIDTH - 2 * PAD) / 2 : (periods.indexOf(period) * (WIDTH - 2 * PAD)) / (periods.length - 1));
  const y = (value: number) => HEIGHT - PAD - ((value - min) / span) * (HEIGHT - 2 * PAD);
  const line = (points: { period: string; value: number }[]) => points.map((p) => `${x(p.period).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const targets = metric.targets.map((t) => ({ period: t.period, value: t.target }));

  const first = metric.series[0];
  const last = metric.series[metric.series.length - 1];
  const described = [
    first && last ? `Figures from ${formatValue(first.value, metric.unit)} in ${first.period} to ${formatValue(last.value, metric.unit)} in ${last.period}` : 'No figures yet',
    metric.target ? `target ${formatValue(metric.target.target, metric.unit)} for ${metric.target.period}` : 'no target set',
  ].join('; ');

  return (
    <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Trend: ${described}.`} preserveAspectRatio="xMidYMid meet">
      <line className="axis" x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - PAD} y2={HEIGHT - PAD} />
      {targets.length > 0 && <polyline className="target-line" points={line(targets)} />}
      {targets.map((t) => (
        <rect key={`t-${t.period}`} className="target-point" x={x(t.period) - 4} y={y(t.value) - 4} width={8} height={8} />
      ))}
      {metric.series.length > 1 && <polyline className="series-line" points={line(metric.series)} />}
      {metric.series.map((s) => (
        <circle key={`s-${s.period}`} className="series-point" cx={x(s.period)} cy={y(s.value)} r={4} />
      ))}
    </svg>
  );
}
