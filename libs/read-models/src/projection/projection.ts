import { EntityManager } from 'typeorm';
import { DomainEvent } from '@send/domain';
import { RecordedEvent } from '@send/event-store';

/** A recorded event lifted to the current domain shape, with its store coordinates. */
export type ProjectedEvent = DomainEvent & { recorded: RecordedEvent };

/**
 * A read model kept up to date from events. `apply` runs inside the transaction that also moves
 * the projection's checkpoint, and must only use the manager it is given (never a clock), so a
 * rebuild from the same events gives the same rows.
 */
export interface Projection {
  readonly name: string;
  apply(event: ProjectedEvent, manager: EntityManager): Promise<void>;
}
