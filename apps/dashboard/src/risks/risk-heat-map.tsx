import { RAG_WORDS } from '../shared/rag-badge';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, riskBand } from '@send/domain';
import { RegisterRisk } from './risks.query';

const SCALE = [1, 2, 3, 4, 5];

/**
 * Likelihood (rows, most likely at the top) against impact (columns): each cell names its risks
 * and says its band in words, so it reads from the back of the room and without colour. The
 * scales and bands are the domain's own (libs/domain/src/risk/risk-rating.ts).
 */
export function RiskHeatMap({ risks }: { risks: RegisterRisk[] }) {
  return (
    <table className="heat-map">
      <caption id="heat-map-caption">Open risks by likelihood and impact, as scored now</caption>
      <thead>
        <tr>
          <td />
          {SCALE.map((impact) => (
            <th key={impact} scope="col">
              Impact {impact}
              <span className="scale-word">{IMPACT_LABELS[impact - 1]}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...SCALE].reverse().map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row">
              Likelihood {likelihood}
              <span className="scale-word">{LIKELIHOOD_LABELS[likelihood - 1]}</span>
            </th>
            {SCALE.map((impact) => {
              const score = likelihood * impact;
              const here = risks.filter((r) => r.current.likelihood === likelihood && r.current.impact === impact);
              const band = riskBand(score);
              return (
                <td key={impact} className={`heat heat-${band.toLowerCase()}`} data-cell={`${likelihood}x${impact}`}>
                  <span className="heat-score">
                    {score} {RAG_WORDS[band]}
                  </span>
                  {here.length > 0 && <span className="heat-refs">{here.map((r) => r.ref).join(', ')}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
