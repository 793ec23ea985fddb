import { RecordedEvent } from '@send/event-store';
import { TimelineEntryEntity, timelineLine, toProjectedEvent } from '@send/read-models';

export interface ReadModelMismatch {
  position: bigint;
  actionId: string;
  field: string;
  /** The line in the read database, the copy. */
  inReadModel?: string;
  /** The line the projection makes from the event as stored now: not "expected" when the chain breaks, as the event may be the forgery. */
  inEventStore?: string;
  message: string;
}

const FIELDS = ['actionId', 'revision', 'meetingId', 'eventType', 'occurredAt', 'recordedAt', 'summary', 'changes', 'actorUserId', 'actorName', 'actorRole', 'correlationId'] as const;

/**
 * Text as a database gives it back. Both store UTF-8, which has no lone UTF-16 surrogate: the
 * PostgreSQL driver writes one as U+FFFD, SQLite as three invalid bytes read back as three. The
 * edge refuses such text now, but an event from an older build may hold one, and the check must
 * not call that an edit of the read database; so both sides compare with each run of
 * replacement characters, or lone surrogate, as one.
 */
const asStored = (text: string): string => text.toWellFormed().replace(/\uFFFD+/g, '\uFFFD');

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : asStored(typeof value === 'object' ? JSON.stringify(value) : String(value));

/**
 * The read database is a copy anyone with access to it could edit; the chain vouches only for
 * the events. Each stored timeline line is compared with the line the projection makes from the
 * verified event at its position, so an edit there is named too.
 */
export async function firstTimelineMismatch(stored: TimelineEntryEntity[], events: Map<bigint, RecordedEvent>, chainHolds = true): Promise<ReadModelMismatch | undefined> {
  for (const row of [...stored].sort((a, b) => (a.position < b.position ? -1 : 1))) {
    const where = `The timeline of action ${row.actionId} at position ${row.position}`;
    const event = events.get(row.position);
    if (!event) return { position: row.position, actionId: row.actionId, field: 'position', message: `${where} names no event in the store.` };
    const line = timelineLine(toProjectedEvent(event));
    const expected = line?.actionId === row.actionId ? line : undefined;
    if (!expected) return { position: row.position, actionId: row.actionId, field: 'actionId', message: `${where} names an event that is not in this action's history.` };
    for (const field of FIELDS) {
      const [inReadModel, inEventStore] = [text(row[field]), text(expected[field])];
      if (inReadModel !== inEventStore) {
        const which = chainHolds ? 'the verified event gives' : 'the event store, whose chain breaks, now gives';
        const verdict = chainHolds ? 'the read database was edited' : 'either may have been edited, and the event store is the likelier one';
        return {
          position: row.position,
          actionId: row.actionId,
          field,
          inReadModel,
          inEventStore,
          message: `${where} has ${field} ${JSON.stringify(inReadModel ?? null)} in the read database, but ${which} ${JSON.stringify(inEventStore ?? null)}: ${verdict}.`,
        };
      }
    }
  }
  return undefined;
}
