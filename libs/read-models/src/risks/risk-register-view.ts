import { RecordedEvent } from '@send/event-store';
import { eventsInOrderAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { MitigationEntity } from './mitigation.entity';
import { isRiskEvent, RiskChange, riskChanges } from './risk-changes';
import { RiskScoreEntity } from './risk-score.entity';
import { RiskEntity } from './risk.entity';
import { withRenamedOwner } from '../owner-records/owner-rename';

/** A plan's risk register as it stood at an instant, in the read model's row shapes. */
export interface RiskRegisterView {
  /** In reference order: R2 before R10. */
  risks: RiskEntity[];
  scores: RiskScoreEntity[];
  mitigations: MitigationEntity[];
  /** The newest store position folded in, or null when no risk had been raised yet. */
  lastPosition: bigint | null;
  /** When the event at `lastPosition` occurred. */
  lastOccurredAt: string | null;
}

interface Rows {
  risks: Map<string, RiskEntity>;
  scores: RiskScoreEntity[];
  mitigations: Map<string, MitigationEntity>;
}

/** A change made to rows held in memory, as the projection makes it to the read database. */
function apply(rows: Rows, change: RiskChange): void {
  switch (change.kind) {
    case 'riskRaised':
      rows.risks.set(change.row.riskId, change.row);
      return;
    case 'riskChanged': {
      const risk = rows.risks.get(change.riskId);
      if (risk) rows.risks.set(change.riskId, { ...risk, ...change.changes });
      return;
    }
    case 'scoreAdded':
      rows.scores.push(change.row);
      return;
    case 'mitigationAdded':
      rows.mitigations.set(`${change.row.riskId}/${change.row.mitigationId}`, change.row);
      return;
    case 'mitigationChanged': {
      const key = `${change.riskId}/${change.mitigationId}`;
      const mitigation = rows.mitigations.get(key);
      if (mitigation) rows.mitigations.set(key, { ...mitigation, ...change.changes });
      return;
    }
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/**
 * The register folded from its risks' streams (and the streams of owners renamed) up to `asAt` (what had occurred by then), in
 * global order, by the same `riskChanges` the live projection applies: with every event, the
 * same rows the projection holds.
 */
export function riskRegisterAt(streams: RecordedEvent[][], asAt: string): RiskRegisterView {
  const events = eventsInOrderAt(streams, asAt);
  const rows: Rows = { risks: new Map(), scores: [], mitigations: new Map() };
  for (const recorded of events) {
    const event = toProjectedEvent(recorded);
    if (event.type === 'OwnerRenamed') {
      for (const [id, risk] of rows.risks) rows.risks.set(id, withRenamedOwner(risk, event.data));
      for (const [key, mitigation] of rows.mitigations) rows.mitigations.set(key, withRenamedOwner(mitigation, event.data));
      continue;
    }
    if (!isRiskEvent(event)) continue;
    const before = event.type === 'RiskRaised' ? undefined : rows.risks.get(event.data.riskId);
    for (const change of riskChanges(before, event)) apply(rows, change);
  }
  return {
    risks: [...rows.risks.values()].sort((a, b) => a.refNumber - b.refNumber),
    scores: rows.scores,
    mitigations: [...rows.mitigations.values()],
    lastPosition: events.length === 0 ? null : events[events.length - 1].position,
    lastOccurredAt: events.length === 0 ? null : events[events.length - 1].metadata.occurredAt,
  };
}
