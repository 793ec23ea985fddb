import { HistoryComparisonCounts } from '@send/domain';
import { canonicalJson, RecordedEvent } from '@send/event-store';

/** One event as the incident report names it: where it is, what it is, and who recorded it. */
export interface EventInHistory {
  position: string;
  eventId: string;
  streamId: string;
  revision: string;
  type: string;
  recordedAt: string;
  recordedBy: string;
}

export interface ChangedValue {
  /** A top-level field of the event's data, or `(event)` for a change outside the data. */
  field: string;
  backup: string;
  current: string;
}

export interface EditedEvent extends EventInHistory {
  /** Where the edited copy now sits in the current history. */
  currentPosition: string;
  /** Which parts differ: streamId, revision, type, data, metadata, recordedAt, hash. */
  parts: string[];
  changes: ChangedValue[];
}

export interface MovedEvent extends EventInHistory {
  currentPosition: string;
}

export interface WrittenSince extends EventInHistory {
  /** At or after the current history's first break: check it especially before re-entering it. */
  atOrAfterBreak: boolean;
}

export interface HistoryComparison {
  backupEvents: number;
  currentEvents: number;
  /** Backup events whose copy in the current history has other content or another hash (by event id). */
  edited: EditedEvent[];
  /** Backup events the current history no longer holds. */
  deleted: EventInHistory[];
  /** Backup events the current history holds out of their recorded order (the fewest that explain it). */
  reordered: MovedEvent[];
  /** Events among the backup's in the current history that the backup never held. */
  inserted: EventInHistory[];
  /** Events the current history holds after the last one it shares with the backup: not in the restored history. */
  writtenSince: WrittenSince[];
  counts: HistoryComparisonCounts;
}

const SHOWN = 200;
const shown = (value: unknown): string => {
  if (value === undefined) return '(absent)';
  const text = canonicalJson(value);
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
};

export function recordedByOf(event: RecordedEvent): string {
  const actor = event.metadata.actor;
  if (!actor) return 'not recorded';
  const about = [actor.userId, actor.role].filter(Boolean).join(', ');
  return actor.displayName && actor.displayName !== actor.userId ? `${actor.displayName} (${about})` : about;
}

export function describeEvent(event: RecordedEvent): EventInHistory {
  return {
    position: String(event.position),
    eventId: event.id,
    streamId: event.streamId,
    revision: String(event.revision),
    type: event.type,
    recordedAt: event.recordedAt,
    recordedBy: recordedByOf(event),
  };
}

const PARTS = ['streamId', 'revision', 'type', 'data', 'metadata', 'recordedAt', 'hash'] as const;

function differences(backup: RecordedEvent, current: RecordedEvent): { parts: string[]; changes: ChangedValue[] } {
  const parts = PARTS.filter((part) => canonicalJson(part === 'revision' ? String(backup.revision) : backup[part]) !== canonicalJson(part === 'revision' ? String(current.revision) : current[part]));
  const changes: ChangedValue[] = [];
  if (parts.includes('data')) {
    const before = backup.data;
    const after = current.data;
    for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      if (canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null) || field in before !== field in after) {
        changes.push({ field, backup: shown(before[field]), current: shown(after[field]) });
      }
    }
  }
  for (const part of parts.filter((p) => p !== 'data' && p !== 'hash')) {
    const value = (e: RecordedEvent) => (part === 'revision' ? String(e.revision) : e[part]);
    changes.push({ field: `(${part})`, backup: shown(value(backup)), current: shown(value(current)) });
  }
  return { parts, changes };
}

/** Indexes (into `sequence`) of one longest strictly increasing subsequence: the events still in order. */
function longestIncreasing(sequence: number[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(sequence.length).fill(-1);
  for (let i = 0; i < sequence.length; i += 1) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sequence[tails[middle]] < sequence[i]) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) kept.add(i);
  return kept;
}

/**
 * Compares the history a backup holds (verified) with the current one (broken), event by event
 * from the start, by event id: an id is the one thing about an event that the store never
 * reuses, so an edited event is still found by it, wherever it was moved. `breakPosition` is the
 * current history's first break, to mark which events written since it are the least trustworthy.
 */
export function compareHistories(backup: RecordedEvent[], current: RecordedEvent[], breakPosition?: bigint): HistoryComparison {
  const inCurrent = new Map(current.map((event, index) => [event.id, { event, index }]));
  const backupIndex = new Map(backup.map((event, index) => [event.id, index]));

  const edited: EditedEvent[] = [];
  const deleted: EventInHistory[] = [];
  for (const event of backup) {
    const found = inCurrent.get(event.id);
    if (!found) {
      deleted.push(describeEvent(event));
      continue;
    }
    const { parts, changes } = differences(event, found.event);
    if (parts.length > 0) edited.push({ ...describeEvent(event), currentPosition: String(found.event.position), parts, changes });
  }

  // The shared events in the current order, as indexes into the backup's order.
  const shared = current.filter((event) => backupIndex.has(event.id));
  const order = shared.map((event) => backupIndex.get(event.id)!);
  const inOrder = longestIncreasing(order);
  const reordered: MovedEvent[] = shared
    .map((event, i) => ({ event, i }))
    .filter(({ i }) => !inOrder.has(i))
    .map(({ event }) => ({ ...describeEvent(backup[backupIndex.get(event.id)!]), currentPosition: String(event.position) }));

  const lastShared = shared.length > 0 ? inCurrent.get(shared[shared.length - 1].id)!.index : -1;
  const inserted: EventInHistory[] = [];
  const writtenSince: WrittenSince[] = [];
  current.forEach((event, index) => {
    if (backupIndex.has(event.id)) return;
    if (index < lastShared) inserted.push(describeEvent(event));
    else writtenSince.push({ ...describeEvent(event), atOrAfterBreak: breakPosition !== undefined && event.position >= breakPosition });
  });

  return {
    backupEvents: backup.length,
    currentEvents: current.length,
    edited,
    deleted,
    reordered,
    inserted,
    writtenSince,
    counts: { edited: edited.length, deleted: deleted.length, reordered: reordered.length, inserted: inserted.length, writtenSince: writtenSince.length },
  };
}
