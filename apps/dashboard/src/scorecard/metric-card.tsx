import { RagBadge } from '../shared/rag-badge';
import { formatValue, ScorecardMetric } from './scorecard.query';
import { ChartLegend } from './chart-legend';
import { ChartTable } from './chart-table';
import { TrendChart } from './trend-chart';

const TREND_WORDS = { UP: 'rising', DOWN: 'falling', FLAT: 'flat' } as const;

export function MetricCard({ metric: m }: { metric: ScorecardMetric }) {
  return (
    <li className="metric-card" data-metric-id={m.id}>
      <h2>{m.name}</h2>
      <p className="metric-latest">
        {m.latest ? (
          <>
            <strong>{formatValue(m.latest.value, m.unit)}</strong> in {m.latest.period}
            {m.latest.provisional ? ' (provisional)' : ''}
          </>
        ) : (
          'No figure yet'
        )}{' '}
        {m.rag ? <RagBadge rag={m.rag} /> : <span className="rag rag-not-yet-rated">No target</span>}
      </p>
      <p className="secondary">
        {m.target ? `Target ${formatValue(m.target.target, m.unit)} for ${m.target.period}` : 'No target set'}
        {m.trend ? ` · ${TREND_WORDS[m.trend.direction]}${m.trend.improving === null ? '' : m.trend.improving ? ', improving' : ', getting worse'}` : ''}
        {` · ${m.polarity === 'HIGHER_IS_BETTER' ? 'higher is better' : 'lower is better'}`}
      </p>
      <TrendChart metric={m} />
      <ChartLegend metric={m} />
      <ChartTable metric={m} />
    </li>
  );
}
