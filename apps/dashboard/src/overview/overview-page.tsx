import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href } from '../routing/use-route';
import { useSession } from '../session/session-context';
import { FigureTiles } from '../shared/figure-tiles';
import { QueryStatus } from '../shared/query-status';
import { OVERVIEW_QUERY, OverviewAnswer } from './overview.query';
import { RollUpTable } from './roll-up-table';
import { NotMovingTheNeedle } from './not-moving-the-needle';
import { DateText } from '../shared/date-text';
import { DatedChoice } from './dated-choice';

/** Says what the counts count, and where the actions they leave out are. */
function CountNote({ closed }: { closed: number }) {
  return (
    <p className="count-note" data-testid="count-note">
      Every count is of the actions in force: open or complete.
      {closed > 0 && (
        <>
          {' '}
          {closed} withdrawn or superseded {closed === 1 ? 'action is' : 'actions are'} not counted;{' '}
          <a href={href('/actions', { closed: 'yes' })}>show them in the action list</a>.
        </>
      )}
    </p>
  );
}

/** The plan at a glance: the eight areas (or the seven priorities) with their RAG counts. */
export function OverviewPage() {
  const { plan } = useSession();
  const { asAt } = useAsAt();
  const [by, setBy] = useState<'area' | 'priority'>('area');
  const [dated, setDated] = useState(false);
  const date = asAt && 'date' in asAt ? asAt.date : undefined;
  const when = date !== undefined && dated ? { asOfDate: date } : asAtArguments(asAt);
  const state = useQuery<OverviewAnswer>(OVERVIEW_QUERY, { planId: plan.id, ...when });

  return (
    <QueryStatus state={state}>
      {({ plan: p }) => (
        <>
          <h1>Plan overview</h1>
          <p className="lede">
            {p.title}, version {p.version}, approved <DateText iso={p.approvedOn} />. Actions count as stale after {p.staleAfterDays} days without an
            update.
          </p>
          {date !== undefined && <DatedChoice date={date} dated={dated} onChange={setDated} />}
          {p.asOfDate && (
            <p className="as-dated" data-testid="as-dated">
              Each action as its latest update dated on or before <DateText iso={p.asOfDate} /> said, with everything recorded since known; an action
              with none by then is not yet rated.
            </p>
          )}
          <FigureTiles
            label="Whole plan"
            figures={[
              { name: 'Actions in force', value: p.rollUp.total },
              { name: '% complete', value: `${p.rollUp.percentComplete}%` },
              { name: 'Red actions', value: p.rollUp.red },
              { name: 'Overdue actions', value: p.rollUp.overdue },
              { name: 'Stale actions', value: p.rollUp.stale },
            ]}
          />
          <CountNote closed={p.rollUp.withdrawn + p.rollUp.superseded} />
          <div className="toggle" role="group" aria-label="Group the grid by">
            <button type="button" aria-pressed={by === 'area'} onClick={() => setBy('area')}>
              Eight improvement areas
            </button>
            <button type="button" aria-pressed={by === 'priority'} onClick={() => setBy('priority')}>
              Seven recovery priorities
            </button>
          </div>
          <RollUpTable kind={by} groups={by === 'area' ? p.areas : p.priorities} />
          <NotMovingTheNeedle actions={p.greenButNotMovingTheNeedle} />
        </>
      )}
    </QueryStatus>
  );
}
