import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href } from '../routing/use-route';
import { DateText } from '../shared/date-text';
import { QueryStatus } from '../shared/query-status';
import { TableScroll } from '../shared/table-scroll';
import { FinanceTotals, PLAN_FINANCE_QUERY, PlanFinance } from './action-finance.query';
import { actionMillions, Money } from './finance.query';

/** What is still to find against a target, in words, so a minus sign is never the only signal that it was beaten. */
export function shortfallText(shortfall: Money | null): string {
  if (!shortfall) return 'No target set';
  const pence = BigInt(shortfall.pence);
  if (pence === 0n) return 'Target met';
  return pence > 0n ? `${actionMillions(shortfall)} still to find` : `Exceeded by ${actionMillions({ pence: String(-pence) })}`;
}

function Totals({ totals }: { totals: FinanceTotals }) {
  return (
    <dl className="finance-figures money-totals">
      <div><dt>Planned cost</dt><dd>{actionMillions(totals.plannedCost)}</dd></div>
      <div><dt>Expected savings</dt><dd>{actionMillions(totals.expectedSavings)}</dd></div>
      <div><dt>Spend to date</dt><dd>{actionMillions(totals.spendToDate)}</dd></div>
      <div><dt>Savings evidenced</dt><dd>{actionMillions(totals.savingsEvidenced)}</dd></div>
    </dl>
  );
}

function PriorityTable({ finance }: { finance: PlanFinance }) {
  return (
    <TableScroll captionId="money-priorities-caption">
      <table className="money-priorities stack-on-phone">
        <caption id="money-priorities-caption">Each recovery priority’s savings target, year by year, against the savings its actions have evidenced</caption>
        <thead>
          <tr>
            <th scope="col">Recovery priority</th>
            <th scope="col">Year</th>
            <th scope="col">Savings target</th>
            <th scope="col">Savings evidenced</th>
            <th scope="col">Shortfall</th>
          </tr>
        </thead>
        <tbody>
          {finance.priorities.flatMap((p) =>
            (p.years.length ? p.years : [null]).map((y) => (
              <tr key={`${p.number}-${y?.year ?? 'none'}`} data-priority={p.number} data-year={y?.year}>
                <th scope="row">
                  {p.number}. {p.name}
                </th>
                <td data-label="Year">{y?.year ?? '—'}</td>
                <td data-label="Savings target">{y?.target ? actionMillions(y.target) : 'None set'}</td>
                <td data-label="Savings evidenced">{actionMillions(y?.savingsEvidenced ?? { pence: '0' })}</td>
                <td data-label="Shortfall">{shortfallText(y ? y.shortfall : null)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AreaTable({ finance }: { finance: PlanFinance }) {
  return (
    <TableScroll captionId="money-areas-caption">
      <table className="money-areas stack-on-phone">
        <caption id="money-areas-caption">Money on the actions of each improvement area</caption>
        <thead>
          <tr>
            <th scope="col">Improvement area</th>
            <th scope="col">Funded actions</th>
            <th scope="col">Planned cost</th>
            <th scope="col">Expected savings</th>
            <th scope="col">Spend to date</th>
            <th scope="col">Savings evidenced</th>
          </tr>
        </thead>
        <tbody>
          {finance.areas.map((a) => (
            <tr key={a.number} data-area={a.number}>
              <th scope="row">
                {a.number}. {a.name}
              </th>
              <td data-label="Funded actions">{a.totals.actions}</td>
              <td data-label="Planned cost">{actionMillions(a.totals.plannedCost)}</td>
              <td data-label="Expected savings">{actionMillions(a.totals.expectedSavings)}</td>
              <td data-label="Spend to date">{actionMillions(a.totals.spendToDate)}</td>
              <td data-label="Savings evidenced">{actionMillions(a.totals.savingsEvidenced)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function FundedActions({ finance }: { finance: PlanFinance }) {
  return (
    <TableScroll captionId="money-actions-caption">
      <table className="money-actions stack-on-phone">
        <caption id="money-actions-caption">The funded actions, in ref order: where the money comes from and what has been spent</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Funding source</th>
            <th scope="col">Planned cost</th>
            <th scope="col">Spend to date</th>
            <th scope="col">Unspent</th>
          </tr>
        </thead>
        <tbody>
          {finance.actions.map((a) => (
            <tr key={a.actionId} data-ref={a.ref}>
              <th scope="row">
                <a href={href(`/actions/${a.actionId}`)}>{a.ref}</a> {a.title}
              </th>
              <td data-label="Funding source">{a.fundingSource}</td>
              <td data-label="Planned cost">{actionMillions(a.plannedCost)}</td>
              <td data-label="Spend to date">
                {a.spend ? (
                  <>
                    {actionMillions(a.spend.spendToDate)} <span className="secondary">at <DateText iso={a.spend.asOfDate} /></span>
                  </>
                ) : (
                  'None recorded'
                )}
              </td>
              <td data-label="Unspent">{BigInt(a.unspent.pence) < 0n ? `Overspent by ${actionMillions({ pence: String(-BigInt(a.unspent.pence)) })}` : actionMillions(a.unspent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Money on the plan's actions, after the High Needs Block position: live or as at the instant the as-at controls chose. */
export function MoneyOnActions({ planId }: { planId: string }) {
  const { asAt } = useAsAt();
  const state = useQuery<{ planFinance: PlanFinance }>(PLAN_FINANCE_QUERY, { planId, ...asAtArguments(asAt) });
  return (
    <section aria-labelledby="money-heading" className="money-on-actions">
      <h2 id="money-heading">Money on actions and priorities</h2>
      {state.error?.code === 'NOT_FOUND' ? (
        <p>Nothing is recorded for this plan{asAt ? ' at that time' : ''}.</p>
      ) : (
        <QueryStatus state={state}>
          {({ planFinance: finance }) =>
            finance.totals.actions === 0 && finance.priorities.every((p) => p.years.length === 0) ? (
              <p>No action has funding set{asAt ? ' at that time' : ''}.</p>
            ) : (
              <>
                <p>
                  {finance.totals.actions} funded {finance.totals.actions === 1 ? 'action' : 'actions'}; each counts once, under its area and the one recovery priority its savings count
                  towards. £m to the thousand pounds.
                </p>
                <Totals totals={finance.totals} />
                <PriorityTable finance={finance} />
                <AreaTable finance={finance} />
                <FundedActions finance={finance} />
              </>
            )
          }
        </QueryStatus>
      )}
    </section>
  );
}
