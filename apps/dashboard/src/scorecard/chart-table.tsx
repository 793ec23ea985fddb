import { TableScroll } from '../shared/table-scroll';
import { periodStart } from './chart-scale';
import { COMPARATOR_ORDER } from './trend-chart';
import { COMPARATOR_WORDS, formatValue, ScorecardMetric } from './scorecard.query';

/**
 * The chart's numbers as a table, period by period: the figure, the target and how far the
 * Amber band reaches, and each comparator. It is what a screen reader reads instead of the picture.
 */
export function ChartTable({ metric }: { metric: ScorecardMetric }) {
  const comparators = COMPARATOR_ORDER.filter((name) => metric.comparatorSeries.some((c) => c.comparator === name));
  const periods = [...new Set([...metric.series.map((s) => s.period), ...metric.targets.map((t) => t.period), ...metric.comparatorSeries.map((c) => c.period)])].sort(
    (a, b) => (periodStart(metric.frequency, a) ?? 0) - (periodStart(metric.frequency, b) ?? 0),
  );
  if (periods.length === 0) return null;
  const named = metric.comparatorSeries
    .filter((c) => c.comparator === 'STATISTICAL_NEIGHBOUR')
    .sort((a, b) => (periodStart(metric.frequency, b.period) ?? 0) - (periodStart(metric.frequency, a.period) ?? 0) || a.value - b.value);
  const worse = metric.polarity === 'LOWER_IS_BETTER' ? 1 : -1;
  const captionId = `figures-${metric.id}`;
  return (
    <details className="chart-table">
      <summary>The figures as a table</summary>
      <TableScroll captionId={captionId}>
        <table>
          <caption id={captionId}>{metric.name}: figures, target and comparators by period</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Figure</th>
              <th scope="col">Target</th>
              <th scope="col">Amber up to</th>
              {comparators.map((name) => (
                <th scope="col" key={name}>
                  {COMPARATOR_WORDS[name]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => {
              const figure = metric.series.find((s) => s.period === period);
              const target = metric.targets.find((t) => t.period === period);
              return (
                <tr key={period} data-period={period}>
                  <th scope="row">{period}</th>
                  <td>{figure ? `${formatValue(figure.value, metric.unit)}${figure.provisional ? ' (provisional)' : ''}` : '—'}</td>
                  <td>{target ? formatValue(target.target, metric.unit) : '—'}</td>
                  <td>{target && target.amberTolerance !== null ? formatValue(Number((target.target + worse * target.amberTolerance).toFixed(9)), metric.unit) : '—'}</td>
                  {comparators.map((name) => {
                    const value = metric.comparatorSeries.find((c) => c.comparator === name && c.period === period);
                    return <td key={name}>{value ? formatValue(value.value, metric.unit) : '—'}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {named.length > 0 && (
        <TableScroll captionId={`${captionId}-neighbours`}>
          <table className="named-neighbours">
            <caption id={`${captionId}-neighbours`}>{metric.name}: each statistical neighbour, lowest first</caption>
            <thead>
              <tr>
                <th scope="col">Council</th>
                <th scope="col">Period</th>
                <th scope="col">Figure</th>
              </tr>
            </thead>
            <tbody>
              {named.map((n) => (
                <tr key={`${n.neighbour}-${n.period}`}>
                  <th scope="row">{n.neighbour}</th>
                  <td>{n.period}</td>
                  <td>{formatValue(n.value, metric.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </details>
  );
}
