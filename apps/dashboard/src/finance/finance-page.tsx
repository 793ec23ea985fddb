import type { DeficitRating } from '@send/domain';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { closedMeetings, meetingLabel, MEETINGS_QUERY, MeetingOption } from '../as-at/meetings.query';
import { useSession } from '../session/session-context';
import { DateText } from '../shared/date-text';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { TableScroll } from '../shared/table-scroll';
import { ukDateOf } from '../shared/uk-dates';
import { boardMillions, HIGH_NEEDS_QUERY, HighNeedsPosition, HighNeedsYear } from './finance.query';
import { MoneyOnActions } from './money-on-actions';

/** The rating in words beside the badge: what it means against the trajectory, so colour is never the only signal. */
const RATING_MEANS: Record<DeficitRating, string> = {
  GREEN: 'at or below the trajectory',
  AMBER: 'above the trajectory, within the tolerance',
  RED: 'above the trajectory by more than the tolerance',
};

function Rating({ rating }: { rating: DeficitRating | null }) {
  if (!rating) return <span className="secondary">Not rated (no trajectory or opening figure)</span>;
  return (
    <>
      <RagBadge rag={rating} /> <span className="secondary">{RATING_MEANS[rating]}</span>
    </>
  );
}

function YearSection({ y }: { y: HighNeedsYear }) {
  const id = `year-${y.year.replace('/', '-')}`;
  return (
    <section className="finance-year" aria-labelledby={id} data-year={y.year}>
      <h2 id={id}>{y.year}</h2>
      <dl className="finance-figures">
        <div><dt>DSG High Needs allocation</dt><dd>{boardMillions(y.dsgAllocation)}</dd></div>
        <div><dt>Budget</dt><dd>{boardMillions(y.budget)}</dd></div>
        <div><dt>Budgeted in-year deficit</dt><dd>{boardMillions(y.budgetedDeficit)}</dd></div>
        <div><dt>Cumulative deficit brought forward</dt><dd>{boardMillions(y.openingCumulativeDeficit)}</dd></div>
        <div><dt>Trajectory at 31 March</dt><dd>{y.trajectory ? `${boardMillions(y.trajectory.cumulativeDeficit)} (Amber up to ${boardMillions(y.trajectory.amberTolerance)} above)` : 'None set'}</dd></div>
        <div><dt>Cumulative deficit at 31 March, latest forecast</dt><dd>{y.closingCumulativeDeficit ? boardMillions(y.closingCumulativeDeficit) : 'No forecast yet'}</dd></div>
      </dl>
      {y.forecasts.length === 0 ? (
        <p>No forecast has been recorded for {y.year} yet.</p>
      ) : (
        <TableScroll captionId={`${id}-caption`}>
          <table className="finance-forecasts stack-on-phone">
            <caption id={`${id}-caption`}>Forecast outturn for {y.year}, quarter by quarter, and what it means for the deficit</caption>
            <thead>
              <tr>
                <th scope="col">Quarter</th>
                <th scope="col">Forecast outturn</th>
                <th scope="col">In-year deficit</th>
                <th scope="col">Against budget</th>
                <th scope="col">Cumulative deficit at 31 March</th>
                <th scope="col">Against the trajectory</th>
                <th scope="col">Commentary</th>
              </tr>
            </thead>
            <tbody>
              {y.forecasts.map((f) => (
                <tr key={f.period} data-period={f.period}>
                  <th scope="row">
                    {f.period}
                    {f.revision > 1 ? <span className="secondary"> (revised, {f.revision} forecasts)</span> : null}
                  </th>
                  <td data-label="Forecast outturn">{boardMillions(f.forecastOutturn)}</td>
                  <td data-label="In-year deficit">{boardMillions(f.inYearDeficit)}</td>
                  <td data-label="Against budget">{overOrUnder(f.varianceAgainstBudget.pence)}</td>
                  <td data-label="Cumulative deficit at 31 March">{boardMillions(f.cumulativeDeficit)}</td>
                  <td data-label="Against the trajectory" className="finance-rating">
                    <Rating rating={f.rating} />
                  </td>
                  <td data-label="Commentary">{f.commentary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function overOrUnder(pence: string): string {
  const amount = BigInt(pence);
  if (amount === 0n) return 'on budget';
  return amount > 0n ? `${boardMillions({ pence })} over` : `${boardMillions({ pence: String(-amount) })} under`;
}

function TrajectoryTable({ position }: { position: HighNeedsPosition }) {
  const byYear = new Map(position.years.map((y) => [y.year, y]));
  return (
    <section aria-labelledby="trajectory-heading">
      <h2 id="trajectory-heading">The recovery plan’s trajectory</h2>
      <TableScroll captionId="trajectory-caption">
        <table className="finance-trajectory stack-on-phone">
          <caption id="trajectory-caption">The cumulative deficit the recovery plan commits to at 31 March of each year, against the latest forecast</caption>
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Trajectory</th>
              <th scope="col">Amber tolerance</th>
              <th scope="col">Latest forecast</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {position.trajectory.map((t) => {
              const year = byYear.get(t.year);
              return (
                <tr key={t.year} data-year={t.year}>
                  <th scope="row">{t.year}</th>
                  <td data-label="Trajectory">{boardMillions(t.cumulativeDeficit)}</td>
                  <td data-label="Amber tolerance">{boardMillions(t.amberTolerance)}</td>
                  <td data-label="Latest forecast">{year?.closingCumulativeDeficit ? `${boardMillions(year.closingCumulativeDeficit)} (${year.latest?.period})` : 'No forecast yet'}</td>
                  <td data-label="Rating">{year?.latest ? <Rating rating={year.latest.rating} /> : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** The board meeting a forecast went to: the first one held on or after the day it was recorded. */
function meetingFor(recordedAt: string, meetings: MeetingOption[]): MeetingOption | undefined {
  const day = ukDateOf(recordedAt);
  return meetings.filter((m) => m.date >= day).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
}

function HistoryTable({ position, meetings }: { position: HighNeedsPosition; meetings: MeetingOption[] }) {
  const history = [...position.forecastHistory].sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  return (
    <section aria-labelledby="told-heading">
      <h2 id="told-heading">What the board was told</h2>
      <TableScroll captionId="told-caption">
        <table className="finance-history stack-on-phone">
          <caption id="told-caption">Every forecast recorded, revisions included, oldest first, with the board meeting it went to</caption>
          <thead>
            <tr>
              <th scope="col">Recorded</th>
              <th scope="col">Board meeting</th>
              <th scope="col">Quarter</th>
              <th scope="col">Forecast outturn</th>
              <th scope="col">Commentary</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => {
              const meeting = meetingFor(h.recordedAt, meetings);
              return (
                <tr key={`${h.period}-${h.revision}`}>
                  <th scope="row">
                    <DateText iso={ukDateOf(h.recordedAt)} />
                  </th>
                  <td data-label="Board meeting">{meeting ? meetingLabel(meeting) : 'None held since'}</td>
                  <td data-label="Quarter">
                    {h.period}
                    {h.revision > 1 ? ` (revision ${h.revision})` : ''}
                  </td>
                  <td data-label="Forecast outturn">{boardMillions(h.forecastOutturn)}</td>
                  <td data-label="Commentary">{h.commentary}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/**
 * The High Needs Block position, live or as at the date or meeting chosen: each year's money, its
 * forecasts against the trajectory, and what the board was told when; then the money on actions.
 */
export function FinancePage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<{ highNeedsPosition: HighNeedsPosition }>(HIGH_NEEDS_QUERY, { planId: plan.id, ...asAtArguments(asAt) });
  const meetings = useQuery<{ meetings: MeetingOption[] }>(MEETINGS_QUERY, { planId: plan.id });
  const notStarted = state.error?.code === 'NOT_FOUND';
  return (
    <>
      <h1>Finance: High Needs Block</h1>
      {notStarted ? (
        <p>No High Needs Block position is recorded for this plan{asAt ? ' at that time' : ''}.</p>
      ) : (
        <QueryStatus state={state}>
          {({ highNeedsPosition: position }) => (
            <>
              <p>
                Dedicated Schools Grant High Needs Block, kept from {position.firstYear} with {boardMillions(position.openingCumulativeDeficit)} cumulative
                deficit brought forward. Deficits are derived from the allocation, budget and forecast outturn; £m to one decimal place.
              </p>
              {[...position.years].reverse().map((y) => (
                <YearSection key={y.year} y={y} />
              ))}
              {position.trajectory.length > 0 ? <TrajectoryTable position={position} /> : null}
              {position.forecastHistory.length > 0 ? <HistoryTable position={position} meetings={closedMeetings(meetings.data?.meetings ?? [])} /> : null}
            </>
          )}
        </QueryStatus>
      )}
      <MoneyOnActions planId={plan.id} />
    </>
  );
}
