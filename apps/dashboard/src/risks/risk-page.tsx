import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { ChallengeThreads } from '../challenges/challenge-threads';
import { href } from '../routing/use-route';
import { useSession } from '../session/session-context';
import { DateText } from '../shared/date-text';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { LinkedActionList } from '../shared/linked-action-list';
import { TableScroll } from '../shared/table-scroll';
import { ukDateOf } from '../shared/uk-dates';
import { RISK_QUERY, RiskAnswer } from './risk.query';

const STATUS_WORDS = { OPEN: 'open', CLOSED: 'closed', BECAME_ISSUE: 'became an issue' } as const;
const MITIGATION_WORDS = { PLANNED: 'planned', IN_PROGRESS: 'in progress', DONE: 'done', DROPPED: 'dropped' } as const;

/**
 * One risk: what could go wrong and why, its scores over time, what is being done, the actions it
 * threatens or that mitigate it, what the board decided and the questions asked about it; live or
 * as at the instant chosen (the decisions as they stand now).
 */
export function RiskPage({ riskRef }: { riskRef: string }) {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<RiskAnswer>(RISK_QUERY, { planId: plan.id, ref: riskRef, ...asAtArguments(asAt) });
  return (
    <QueryStatus state={state}>
      {({ risk: r, actions }) => {
        const linked = actions.edges.map((e) => e.node).filter((a) => r.actionIds.includes(a.id));
        return (
          <article className="risk-page">
            <p className="breadcrumb">
              <a href={href('/risks')}>The risk register</a>
            </p>
            <h1>
              <span className="ref">{r.ref}</span> {r.title} <RagBadge rag={r.current.band} />
            </h1>
            <p className="lede">{r.description}</p>
            <dl className="details">
              <dt>Status</dt>
              <dd>
                {STATUS_WORDS[r.status]}
                {r.outcome && <>: {r.outcome}</>}
              </dd>
              <dt>Owner</dt>
              <dd>
                {r.owner.name}, {r.owner.role}, {r.owner.organisation}
                {r.ownerChanges.length > 0 && (
                  <ul className="risk-owner-changes" data-list="risk-owner-changes">
                    {r.ownerChanges.map((c) => (
                      <li key={c.revision}>
                        From {c.from.name} to {c.to.name} on <DateText iso={ukDateOf(c.recordedAt)} />: {c.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>Cause</dt>
              <dd>{r.cause}</dd>
              <dt>Consequence</dt>
              <dd>{r.consequence}</dd>
              <dt>Score now</dt>
              <dd>
                {r.current.score} ({r.current.likelihood} × {r.current.impact}); before mitigation {r.inherent.score}; target {r.target.score} by <DateText iso={r.target.byDate} />
              </dd>
              <dt>Next review</dt>
              <dd>
                <DateText iso={r.reviewDate} />
              </dd>
            </dl>
            <section aria-labelledby="risk-actions">
              <h2 id="risk-actions">Actions it threatens or that mitigate it</h2>
              {linked.length === 0 ? (
                <p>No action is linked to this risk.</p>
              ) : (
                <LinkedActionList data-list="risk-actions" actions={linked} />
              )}
            </section>
            <section aria-labelledby="risk-mitigations">
              <h2 id="risk-mitigations">Mitigations</h2>
              {r.mitigations.length === 0 ? (
                <p>No mitigation is recorded.</p>
              ) : (
                <TableScroll captionId="risk-mitigations-caption">
                  <table>
                    <caption id="risk-mitigations-caption" className="visually-hidden">Mitigations of {r.ref}, soonest due first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Mitigation</th>
                        <th scope="col">Owner</th>
                        <th scope="col">Due</th>
                        <th scope="col">Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.mitigations.map((m) => (
                        <tr key={m.id}>
                          <th scope="row">{m.description}</th>
                          <td>{m.owner.name}</td>
                          <td>
                            <DateText iso={m.dueDate} />
                          </td>
                          <td>
                            {MITIGATION_WORDS[m.status]}
                            {m.lastCommentary && <span className="secondary">: {m.lastCommentary}</span>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
            <section aria-labelledby="risk-scores">
              <h2 id="risk-scores">Scores over time</h2>
              <ol className="risk-scores">
                {r.scores.map((s) => (
                  <li key={s.revision}>
                    {s.rating.score} <RagBadge rag={s.rating.band} /> {s.asOfDate ? <>as at <DateText iso={s.asOfDate} /></> : 'when raised'}
                    {s.commentary && <>: {s.commentary}</>}
                  </li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="risk-decisions">
              <h2 id="risk-decisions">The board's decisions</h2>
              {r.decisions.length === 0 ? (
                <p>The board has not minuted a decision about this risk.</p>
              ) : (
                <ul>
                  {r.decisions.map((d) => (
                    <li key={d.id}>
                      Board meeting of <DateText iso={d.meetingDate} />: {d.summary}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="challenges">
              <h2 id="challenges">Challenge and response</h2>
              <ChallengeThreads subject={{ kind: 'RISK', id: r.id, owner: { id: r.owner.id }, delegates: [] }} live={!asAt} />
            </section>
          </article>
        );
      }}
    </QueryStatus>
  );
}
