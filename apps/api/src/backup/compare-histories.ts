import { HistoryComparisonCounts } from '@send/domain';
import { createHash } from 'node:crypto';
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
  /** Filled in from the two events themselves (changesBetween), once the comparison has found them. */
  changes: ChangedValue[];
}

export interface MovedEvent extends EventInHistory {
  currentPosition: string;
}

export interface WrittenSince extends EventInHistory {
  /** At or after the current history's first break: check it especially before re-entering it. */
  atOrAfterBreak: boolean;
  /** Recorded by the api or a command-line tool (role SYSTEM, or no actor), not by a person. */
  bySystem: boolean;
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
type Part = (typeof PARTS)[number];

const partOf = (event: RecordedEvent, part: Part): unknown => (part === 'revision' ? String(event.revision) : event[part]);

/**
 * What the comparison keeps of an event: where it is, what it is, and a short digest of each part
 * the chain covers, so two whole histories can be compared without holding either in memory.
 */
export interface EventDigest extends EventInHistory {
  positionNumber: bigint;
  bySystem: boolean;
  parts: Record<Part, string>;
}

export function digestOf(event: RecordedEvent): EventDigest {
  const digest = (value: unknown) => createHash('sha256').update(canonicalJson(value ?? null)).digest('hex').slice(0, 24);
  const parts = Object.fromEntries(PARTS.map((part) => [part, part === 'hash' ? (event.hash ?? '') : digest(partOf(event, part))])) as Record<Part, string>;
  return { ...describeEvent(event), positionNumber: event.position, bySystem: !event.metadata.actor || event.metadata.actor.role === 'SYSTEM', parts };
}

const described = ({ positionNumber: _position, bySystem: _bySystem, parts: _parts, ...event }: EventDigest): EventInHistory => event;

/** What changed between the backup's copy of an event and the current one, field by field, before and after. */
export function changesBetween(backup: RecordedEvent, current: RecordedEvent): ChangedValue[] {
  const changes: ChangedValue[] = [];
  const [before, after] = [backup.data, current.data];
  for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null) || field in before !== field in after) {
      changes.push({ field, backup: shown(before[field]), current: shown(after[field]) });
    }
  }
  for (const part of PARTS.filter((p) => p !== 'data' && p !== 'hash')) {
    if (canonicalJson(partOf(backup, part)) !== canonicalJson(partOf(current, part))) {
      changes.push({ field: `(${part})`, backup: shown(partOf(backup, part)), current: shown(partOf(current, part)) });
    }
  }
  return changes;
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
 * Edited events come back without their `changes`; changesBetween fills them in.
 */
export function compareHistories(backup: EventDigest[], current: EventDigest[], breakPosition?: bigint): HistoryComparison {
  const inCurrent = new Map(current.map((event, index) => [event.eventId, { event, index }]));
  const backupIndex = new Map(backup.map((event, index) => [event.eventId, index]));

  const edited: EditedEvent[] = [];
  const deleted: EventInHistory[] = [];
  for (const event of backup) {
    const found = inCurrent.get(event.eventId);
    if (!found) {
      deleted.push(described(event));
      continue;
    }
    const parts = PARTS.filter((part) => event.parts[part] !== found.event.parts[part]);
    if (parts.length > 0) edited.push({ ...described(event), currentPosition: found.event.position, parts, changes: [] });
  }

  // The shared events in the current order, as indexes into the backup's order.
  const shared = current.filter((event) => backupIndex.has(event.eventId));
  const inOrder = longestIncreasing(shared.map((event) => backupIndex.get(event.eventId)!));
  const reordered: MovedEvent[] = shared
    .map((event, i) => ({ event, i }))
    .filter(({ i }) => !inOrder.has(i))
    .map(({ event }) => ({ ...described(backup[backupIndex.get(event.eventId)!]), currentPosition: event.position }));

  const lastShared = shared.length > 0 ? inCurrent.get(shared[shared.length - 1].eventId)!.index : -1;
  const inserted: EventInHistory[] = [];
  const writtenSince: WrittenSince[] = [];
  current.forEach((event, index) => {
    if (backupIndex.has(event.eventId)) return;
    if (index < lastShared) inserted.push(described(event));
    else writtenSince.push({ ...described(event), atOrAfterBreak: breakPosition !== undefined && event.positionNumber >= breakPosition, bySystem: event.bySystem });
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
