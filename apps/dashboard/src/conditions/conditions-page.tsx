import type { ConditionStatus } from '@send/domain';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { useSession } from '../session/session-context';
import { DateText } from '../shared/date-text';
import { QueryStatus } from '../shared/query-status';
import { LinkedActionList } from '../shared/linked-action-list';
import { TableScroll } from '../shared/table-scroll';
import { CONDITIONS_QUERY, RegisterCondition } from './conditions.query';

/** The words the DfE return uses for each status. */
const STATUS_WORDS: Record<ConditionStatus, string> = { MET: 'Met', ON_TRACK: 'On track', NOT_ON_TRACK: 'Not on track', NOT_MET: 'Not met' };

function Approval({ quarter }: { quarter: NonNullable<RegisterCondition['currentQuarter']> }) {
  if (!quarter.awaitingApproval) return <>approved by {quarter.approved?.approvedBy ?? 'the board chair'}</>;
  if (quarter.approved) return <>awaiting approval; the board approved “{STATUS_WORDS[quarter.approved.status]}” (version {quarter.approved.version})</>;
  return <>awaiting the board chair’s approval</>;
}

/** The statutory direction's conditions, live or as at the date or meeting chosen: each one's newest quarter and whether the board has approved it. */
export function ConditionsPage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<{ conditions: RegisterCondition[] }>(CONDITIONS_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  return (
    <>
      <h1>Conditions</h1>
      <QueryStatus state={state}>
        {({ conditions }) =>
          conditions.length === 0 ? (
            <p>No conditions of the direction are recorded for this plan.</p>
          ) : (
            <TableScroll captionId="conditions-caption">
              <table className="conditions-register">
                <caption id="conditions-caption">The conditions of the direction, in reference order, with the newest quarter’s status</caption>
                <thead>
                  <tr>
                    <th scope="col">Condition</th>
                    <th scope="col">Due</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                    <th scope="col">Metrics and finance lines</th>
                  </tr>
                </thead>
                <tbody>
                  {conditions.map((c) => (
                    <tr key={c.id} data-ref={c.ref}>
                      <th scope="row">
                        {c.ref} {c.text} <span className="secondary">({c.sourceParagraph}; met when: {c.measureOfSuccess})</span>
                      </th>
                      <td>
                        <DateText iso={c.dueDate} />
                      </td>
                      <td className="condition-status">
                        {c.currentQuarter ? (
                          <>
                            <strong>{STATUS_WORDS[c.currentQuarter.latest.status]}</strong> in {c.currentQuarter.quarter}: {c.currentQuarter.latest.commentary}{' '}
                            <span className="secondary">
                              (<Approval quarter={c.currentQuarter} />)
                            </span>
                          </>
                        ) : (
                          'No status recorded yet'
                        )}
                      </td>
                      <td>
                        <LinkedActionList className="condition-actions" actions={c.actions} />
                      </td>
                      <td>
                        <ul className="condition-measures">
                          {c.metrics.map((m) => (
                            <li key={m.id}>Metric: {m.name}</li>
                          ))}
                          {c.financeLines.map((f) => (
                            <li key={f.id} className="condition-finance-line">
                              {f.label}: {f.summary}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryStatus>
    </>
  );
}
