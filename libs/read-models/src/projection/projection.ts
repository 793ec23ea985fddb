import { DomainEvent } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { ReadModelRows } from './read-model-rows';

/** A recorded event lifted to the current domain shape, with its store coordinates. */
export type ProjectedEvent = DomainEvent & { recorded: RecordedEvent };

/**
 * A read model kept up to date from events. `apply` runs inside the transaction that also moves
 * the projection's checkpoint, and must only use the rows it is given (never a clock), so a
 * rebuild from the same events gives the same rows.
 */
export interface Projection {
  readonly name: string;
  apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void>;
}
