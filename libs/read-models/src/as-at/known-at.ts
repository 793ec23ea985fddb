import { RecordedEvent } from '@send/event-store';

/** The events of one stream that had occurred by the instant: a prefix, so a stream never shows a gap. */
export function streamPrefixAt(events: RecordedEvent[], asAt: string): RecordedEvent[] {
  const end = events.findIndex((e) => e.metadata.occurredAt > asAt);
  return end === -1 ? events : events.slice(0, end);
}

/** An event in the order an as-known-at view folds it: at its own position, or a late correction at its update's. */
export interface SlottedEvent {
  recorded: RecordedEvent;
  slot: bigint;
}

/**
 * One stream as it is known at `knownAt` about `asAt`: what had happened by `asAt`, plus each
 * correction recorded between the two that restates an update in that prefix (or a correction
 * of one), slotted straight after it. A correction of an update made after `asAt` is news about a
 * later time and stays out. Other late events are not restated history, so they stay out too.
 */
export function streamKnownAt(events: RecordedEvent[], asAt: string, knownAt: string): SlottedEvent[] {
  const prefix = streamPrefixAt(events, asAt);
  const slotOf = new Map<number, bigint>(prefix.map((e) => [Number(e.revision), e.position]));
  const known: SlottedEvent[] = prefix.map((recorded) => ({ recorded, slot: recorded.position }));
  if (knownAt <= asAt) return known;
  for (const late of streamPrefixAt(events, knownAt).slice(prefix.length)) {
    if (late.type !== 'ProgressCorrected') continue;
    const slot = slotOf.get((late.data as { supersedesRevision: number }).supersedesRevision);
    if (slot === undefined) continue;
    slotOf.set(Number(late.revision), slot);
    known.push({ recorded: late, slot });
  }
  return known;
}

/** Global order, except that a late correction sits right after what it corrects (ties keep store order). */
export function bySlot(a: SlottedEvent, b: SlottedEvent): number {
  if (a.slot !== b.slot) return a.slot < b.slot ? -1 : 1;
  return a.recorded.position < b.recorded.position ? -1 : a.recorded.position > b.recorded.position ? 1 : 0;
}
