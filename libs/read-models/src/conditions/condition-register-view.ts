import { RecordedEvent } from '@send/event-store';
import { streamPrefixAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { ConditionChange, conditionChanges, isConditionEvent } from './condition-changes';
import { ConditionStatusEntity } from './condition-status.entity';
import { ConditionWordingEntity } from './condition-wording.entity';
import { ConditionEntity } from './condition.entity';

/** A plan's conditions register as it stood at an instant, in the read model's row shapes. */
export interface ConditionRegisterView {
  /** In reference order: C2 before C10. */
  conditions: ConditionEntity[];
  wordings: ConditionWordingEntity[];
  statuses: ConditionStatusEntity[];
}

interface Rows {
  conditions: Map<string, ConditionEntity>;
  wordings: ConditionWordingEntity[];
  statuses: Map<string, ConditionStatusEntity>;
}

const statusKey = (conditionId: string, quarter: string, version: number) => `${conditionId}/${quarter}/${version}`;

/** A change made to rows held in memory, as the projection makes it to the read database. */
function apply(rows: Rows, change: ConditionChange): void {
  switch (change.kind) {
    case 'conditionAdded':
      rows.conditions.set(change.row.conditionId, change.row);
      return;
    case 'conditionChanged': {
      const condition = rows.conditions.get(change.conditionId);
      if (condition) rows.conditions.set(change.conditionId, { ...condition, ...change.changes });
      return;
    }
    case 'wordingAdded':
      rows.wordings.push(change.row);
      return;
    case 'statusAdded':
      rows.statuses.set(statusKey(change.row.conditionId, change.row.quarter, change.row.version), change.row);
      return;
    case 'statusApproved': {
      const key = statusKey(change.conditionId, change.quarter, change.version);
      const status = rows.statuses.get(key);
      if (status) rows.statuses.set(key, { ...status, ...change.changes });
      return;
    }
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/**
 * The register folded from its conditions' streams up to `asAt` (what had occurred by then), in
 * global order, by the same `conditionChanges` the live projection applies.
 */
export function conditionRegisterAt(streams: RecordedEvent[][], asAt: string): ConditionRegisterView {
  const events = streams.flatMap((s) => streamPrefixAt(s, asAt)).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const rows: Rows = { conditions: new Map(), wordings: [], statuses: new Map() };
  for (const recorded of events) {
    const event = toProjectedEvent(recorded);
    if (!isConditionEvent(event)) continue;
    const before = event.type === 'ConditionAdded' ? undefined : rows.conditions.get(event.data.conditionId);
    for (const change of conditionChanges(before, event)) apply(rows, change);
  }
  return {
    conditions: [...rows.conditions.values()].sort((a, b) => a.refNumber - b.refNumber),
    wordings: rows.wordings,
    statuses: [...rows.statuses.values()],
  };
}
