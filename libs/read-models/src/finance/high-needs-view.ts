import { RecordedEvent } from '@send/event-store';
import { HighNeedsFacts, Pence } from '@send/domain';
import { streamPrefixAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { HighNeedsChange, highNeedsChanges, isHighNeedsEvent } from './high-needs-changes';
import { HighNeedsForecastEntity } from './high-needs-forecast.entity';
import { HighNeedsPositionEntity } from './high-needs-position.entity';
import { HighNeedsTrajectoryEntity } from './high-needs-trajectory.entity';
import { HighNeedsYearEntity } from './high-needs-year.entity';

/** One forecast as it was recorded, kept when a later one revises it: what the board was told when. */
export interface ForecastRecord {
  period: string;
  revision: number;
  forecastOutturn: Pence;
  commentary: string;
  /** When it was recorded, by the command's clock. */
  recordedAt: string;
  recordedBy: string | null;
}

/** The High Needs Block position of one plan: the typed figures and the forecast history. */
export interface HighNeedsView {
  facts: HighNeedsFacts;
  /** Every forecast ever recorded, oldest first, revisions included. */
  forecastHistory: ForecastRecord[];
  /** The position stream's revision. */
  revision: number;
}

/** A plan's rows, as the read database holds them or as the as-at fold builds them in memory. */
export interface HighNeedsRows {
  position: HighNeedsPositionEntity;
  years: HighNeedsYearEntity[];
  forecasts: HighNeedsForecastEntity[];
  trajectory: HighNeedsTrajectoryEntity[];
}

const byRecording = (a: HighNeedsForecastEntity, b: HighNeedsForecastEntity): number =>
  a.recordedAt.localeCompare(b.recordedAt) || a.period.localeCompare(b.period) || a.revision - b.revision;

/** The view of a plan's rows: each quarter's latest forecast for the facts, every one for the history. */
export function highNeedsViewOf(rows: HighNeedsRows): HighNeedsView {
  const history = [...rows.forecasts].sort(byRecording);
  const latest = new Map<string, HighNeedsForecastEntity>();
  for (const f of history) if ((latest.get(f.period)?.revision ?? 0) < f.revision) latest.set(f.period, f);
  const { planId, firstYear, openingCumulativeDeficit, revision } = rows.position;
  return {
    facts: {
      planId,
      firstYear,
      openingCumulativeDeficit,
      years: rows.years.map(({ year, dsgAllocation, budget, revision: r }) => ({ year, dsgAllocation, budget, revision: r })),
      forecasts: [...latest.values()].map(({ period, forecastOutturn, commentary, revision: r, recordedAt }) => ({ period, forecastOutturn, commentary, revision: r, recordedAt })),
      trajectory: [...rows.trajectory].sort((a, b) => a.year.localeCompare(b.year)).map(({ year, cumulativeDeficit, amberTolerance }) => ({ year, cumulativeDeficit, amberTolerance })),
    },
    forecastHistory: history.map(({ period, revision: r, forecastOutturn, commentary, recordedAt, recordedBy }) => ({ period, revision: r, forecastOutturn, commentary, recordedAt, recordedBy })),
    revision,
  };
}

/** A change made to rows held in memory, as the projection makes it to the read database. */
function apply(rows: Partial<HighNeedsRows> & Omit<HighNeedsRows, 'position'>, change: HighNeedsChange): void {
  switch (change.kind) {
    case 'positionStarted':
      rows.position = change.row;
      return;
    case 'revisionMoved':
      if (rows.position) rows.position = { ...rows.position, revision: change.revision };
      return;
    case 'yearSet':
      rows.years = [...rows.years.filter((y) => y.year !== change.row.year), change.row];
      return;
    case 'forecastAdded':
      rows.forecasts = [...rows.forecasts, change.row];
      return;
    case 'trajectorySet':
      rows.trajectory = [...rows.trajectory.filter((t) => t.year !== change.row.year), change.row];
      return;
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/**
 * The position folded from its one stream up to `asAt` (what had occurred by then), by the same
 * `highNeedsChanges` the live projection applies: with every event, the rows the projection holds.
 * Undefined before the position was started.
 */
export function highNeedsViewAt(stream: RecordedEvent[], asAt: string): HighNeedsView | undefined {
  const rows: Partial<HighNeedsRows> & Omit<HighNeedsRows, 'position'> = { years: [], forecasts: [], trajectory: [] };
  for (const recorded of streamPrefixAt(stream, asAt)) {
    const event = toProjectedEvent(recorded);
    if (isHighNeedsEvent(event)) for (const change of highNeedsChanges(event)) apply(rows, change);
  }
  return rows.position ? highNeedsViewOf({ ...rows, position: rows.position }) : undefined;
}
