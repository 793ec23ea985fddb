import { RecordedEvent } from '@send/event-store';

/** The events of one stream that had occurred by the instant: a prefix, so a stream never shows a gap. */
export function streamPrefixAt(events: RecordedEvent[], asAt: string): RecordedEvent[] {
  const end = events.findIndex((e) => e.metadata.occurredAt > asAt);
  return end === -1 ? events : events.slice(0, end);
}

/** The events of several streams that had occurred by the instant, in the store's global order: what a fold of a register or log reads. */
export function eventsInOrderAt(streams: RecordedEvent[][], asAt: string): RecordedEvent[] {
  return streams.flatMap((s) => streamPrefixAt(s, asAt)).sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/** An event in the order an as-known-at view folds it: at its own position, or a late correction at its update's. */
export interface SlottedEvent {
  recorded: RecordedEvent;
  slot: bigint;
}

/** What an event can be named by in a later correction: its revision, and a measurement's id. */
function namesOf(event: RecordedEvent): string[] {
  const { measurementId } = event.data as { measurementId?: string };
  return [`revision:${event.revision}`, ...(measurementId ? [`measurement:${measurementId}`] : [])];
}

/** The name a correction gives to what it restates; undefined for anything that restates nothing. */
function restates(event: RecordedEvent): string | undefined {
  if (event.type === 'ProgressCorrected') return `revision:${(event.data as { supersedesRevision: number }).supersedesRevision}`;
  if (event.type === 'MeasurementCorrected') return `measurement:${(event.data as { supersedesMeasurementId: string }).supersedesMeasurementId}`;
  return undefined;
}

/**
 * One stream as it is known at `knownAt` about `asAt`: what had happened by `asAt`, plus each
 * correction (of a progress update or a scorecard figure) recorded between the two that restates
 * something in that prefix, or a correction of one, slotted straight after it. A correction of
 * something recorded after `asAt` is news about a later time and stays out; so does anything else
 * recorded late, which restates nothing.
 */
export function streamKnownAt(events: RecordedEvent[], asAt: string, knownAt: string): SlottedEvent[] {
  const prefix = streamPrefixAt(events, asAt);
  const known: SlottedEvent[] = prefix.map((recorded) => ({ recorded, slot: recorded.position }));
  if (knownAt <= asAt) return known;
  const slotOf = new Map<string, bigint>(prefix.flatMap((e) => namesOf(e).map((name) => [name, e.position] as const)));
  for (const late of streamPrefixAt(events, knownAt).slice(prefix.length)) {
    const target = restates(late);
    const slot = target === undefined ? undefined : slotOf.get(target);
    if (slot === undefined) continue;
    for (const name of namesOf(late)) slotOf.set(name, slot);
    known.push({ recorded: late, slot });
  }
  return known;
}

/** Whether a correction of anything was recorded after `asAt` and by `knownAt`: what `streamKnownAt` would slot in, or leave out. */
export function correctedLate(events: RecordedEvent[], asAt: string, knownAt: string): boolean {
  return streamPrefixAt(events, knownAt).slice(streamPrefixAt(events, asAt).length).some((late) => restates(late) !== undefined);
}

/** Global order, except that a late correction sits right after what it corrects (ties keep store order). */
export function bySlot(a: SlottedEvent, b: SlottedEvent): number {
  if (a.slot !== b.slot) return a.slot < b.slot ? -1 : 1;
  return a.recorded.position < b.recorded.position ? -1 : a.recorded.position > b.recorded.position ? 1 : 0;
}
