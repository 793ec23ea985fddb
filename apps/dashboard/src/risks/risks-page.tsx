import type { EscalationReason } from '@send/domain';
import { useQuery } from '../api/use-query';
import { href } from '../routing/use-route';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import { DateText } from '../shared/date-text';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { TableScroll } from '../shared/table-scroll';
import { RiskHeatMap } from './risk-heat-map';
import { RegisterRisk, RISKS_QUERY } from './risks.query';

/** Why a risk is on the agenda, in words: the board's own threshold as it stood, or a rise. */
const escalationWords = (reason: EscalationReason, threshold: number) => (reason === 'RISING' ? 'Rising' : `score ${threshold} or more`);

function trend(risk: RegisterRisk): string {
  if (risk.previousScore === null) return 'as raised';
  if (risk.current.score > risk.previousScore) return `up from ${risk.previousScore}`;
  if (risk.current.score < risk.previousScore) return `down from ${risk.previousScore}`;
  return `unchanged at ${risk.previousScore}`;
}

function RegisterTable({ risks }: { risks: RegisterRisk[] }) {
  return (
    <TableScroll captionId="risk-register-caption">
      <table className="risk-register stack-on-phone">
        <caption id="risk-register-caption">The risk register: open risks in reference order</caption>
        <thead>
          <tr>
            <th scope="col">Risk</th>
            <th scope="col">Owner</th>
            <th scope="col">Score now</th>
            <th scope="col">Target</th>
            <th scope="col">Mitigations done</th>
            <th scope="col">Next review</th>
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
            <tr key={r.id} data-ref={r.ref}>
              <th scope="row">
                <a href={href(`/risks/${encodeURIComponent(r.ref)}`)}>
                  {r.ref} {r.title}
                </a>
              </th>
              <td data-label="Owner">{r.owner.name}</td>
              <td data-label="Score now">
                {r.current.score} <RagBadge rag={r.current.band} /> <span className="secondary">({r.current.likelihood} × {r.current.impact}, {trend(r)})</span>
              </td>
              <td data-label="Target">
                {r.target.score} by <DateText iso={r.target.byDate} />
              </td>
              <td data-label="Mitigations done">
                {r.mitigations.filter((m) => m.status === 'DONE').length} of {r.mitigations.filter((m) => m.status !== 'DROPPED').length}
              </td>
              <td data-label="Next review">
                <DateText iso={r.reviewDate} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The plan's risk register, live or as at the date or meeting chosen: what is on the board's agenda, the heat map, and every open risk. */
export function RisksPage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<{ plan: { riskEscalationScore: number }; risks: RegisterRisk[] }>(RISKS_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  return (
    <>
      <h1>Risks</h1>
      <QueryStatus state={state}>
        {({ plan: { riskEscalationScore: threshold }, risks }) => {
          const escalated = risks.filter((r) => r.escalation.length > 0);
          return risks.length === 0 ? (
            <p>No open risks are recorded for this plan.</p>
          ) : (
            <>
              <h2>On the board’s agenda</h2>
              {escalated.length === 0 ? (
                <p>No open risk scores {threshold} or more, and none is rising.</p>
              ) : (
                <ul className="escalated-risks">
                  {escalated.map((r) => (
                    <li key={r.id}>
                      <strong>
                        {r.ref} {r.title}
                      </strong>{' '}
                      — {r.current.score} <RagBadge rag={r.current.band} />, {r.escalation.map((e) => escalationWords(e, threshold)).join('; ')} ({trend(r)}). Owner: {r.owner.name}.
                    </li>
                  ))}
                </ul>
              )}
              <h2>Heat map</h2>
              <TableScroll captionId="heat-map-caption">
                <RiskHeatMap risks={risks} />
              </TableScroll>
              <h2>Register</h2>
              <RegisterTable risks={risks} />
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}
