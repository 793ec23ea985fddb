import { ActionFinance } from '../finance/action-finance.query';
import { actionMillions } from '../finance/finance.query';
import { DateText } from '../shared/date-text';
import { TableScroll } from '../shared/table-scroll';
import { ukDateOf } from '../shared/uk-dates';

const KIND: Record<ActionFinance['history'][number]['kind'], string> = {
  FUNDING: 'Funding',
  SPEND: 'Spend to date',
  SAVINGS: 'Savings evidenced',
};

/** One figure as given: the funding with its expected savings, or the spend or savings with its year. */
function figure(h: ActionFinance['history'][number]): string {
  if (h.kind === 'FUNDING') return `${actionMillions(h.amount)} planned, ${actionMillions(h.expectedSavings)} savings expected`;
  if (h.kind === 'SAVINGS') return `${actionMillions(h.amount)} in ${h.year}`;
  return actionMillions(h.amount);
}

/** An action's money, as at the instant the action was read: its figures, then every figure given for it. */
export function ActionMoney({ finance: f }: { finance: ActionFinance }) {
  const unspent = BigInt(f.unspent.pence);
  return (
    <section aria-labelledby="action-money" className="action-money">
      <h2 id="action-money">Money</h2>
      <dl className="finance-figures">
        <div><dt>Planned cost</dt><dd>{actionMillions(f.plannedCost)}</dd></div>
        <div><dt>Expected savings</dt><dd>{actionMillions(f.expectedSavings)}</dd></div>
        <div><dt>Spend to date</dt><dd>{f.spend ? actionMillions(f.spend.spendToDate) : 'None recorded'}</dd></div>
        <div><dt>{unspent < 0n ? 'Overspent by' : 'Unspent'}</dt><dd>{actionMillions(unspent < 0n ? { pence: String(-unspent) } : f.unspent)}</dd></div>
        <div><dt>Savings evidenced</dt><dd>{actionMillions(f.savingsEvidenced)}</dd></div>
      </dl>
      <p>
        Funded from {f.fundingSource}
        {f.savingsPriority ? `; its savings count towards recovery priority ${f.savingsPriority}` : '; its savings count towards no recovery priority'}.
        {f.spend ? (
          <>
            {' '}Spend as at <DateText iso={f.spend.asOfDate} />: {f.spend.commentary}
          </>
        ) : null}
      </p>
      <TableScroll captionId="action-money-caption">
        <table className="action-money-history stack-on-phone">
          <caption id="action-money-caption">Every figure given for this action, oldest first, revisions included</caption>
          <thead>
            <tr>
              <th scope="col">Recorded</th>
              <th scope="col">Figure</th>
              <th scope="col">Amount</th>
              <th scope="col">As at</th>
              <th scope="col">Source, commentary or evidence</th>
            </tr>
          </thead>
          <tbody>
            {f.history.map((h) => (
              <tr key={`${h.kind}-${h.year ?? ''}-${h.revision}`} data-kind={h.kind}>
                <th scope="row">
                  <DateText iso={ukDateOf(h.recordedAt)} />
                </th>
                <td data-label="Figure">
                  {KIND[h.kind]}
                  {h.revision > 1 ? ` (revision ${h.revision})` : ''}
                </td>
                <td data-label="Amount">{figure(h)}</td>
                <td data-label="As at">{h.asOfDate ? <DateText iso={h.asOfDate} /> : '—'}</td>
                <td data-label="Source, commentary or evidence">
                  {h.text}
                  {h.reason ? ` (revised: ${h.reason})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
