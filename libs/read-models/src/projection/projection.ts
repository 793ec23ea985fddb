import { DomainEvent } from '@send/domain';
import { RecordedEvent } from '@send/event-store';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { ReadModelRows } from './read-model-rows';

/** A stored row a projection reads while applying an event, named by its whole primary key. */
export interface RowRead {
  entity: EntityTarget<ObjectLiteral>;
  key: ObjectLiteral;
}

/** A recorded event lifted to the current domain shape, with its store coordinates. */
export type ProjectedEvent = DomainEvent & { recorded: RecordedEvent };

/**
 * A read model kept up to date from events. `apply` runs inside the transaction that also moves
 * the projection's checkpoint, and must only use the rows it is given (never a clock), so a
 * rebuild from the same events gives the same rows.
 */
export interface Projection {
  readonly name: string;
  /**
   * The stored rows `apply` will read for this event. A batch loads every row its events name
   * with one query per table before applying them, instead of a query per event (a round trip
   * each on PostgreSQL). A row read without being named here is still found, by a query of its own.
   */
  rowsRead?(event: ProjectedEvent): RowRead[];
  apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void>;
}
