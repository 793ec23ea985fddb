import { EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * What a projection may do to the read models while it applies an event. Rows are named by their
 * primary key. Writes are gathered and written together when the batch commits, in the same
 * transaction as the checkpoint; reads see the writes made earlier in the batch.
 */
export interface ReadModelRows {
  /** The row as it stands now, or undefined if there is none. */
  find<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): Promise<T | undefined>;
  /** As `find`, for a row the event stream guarantees exists. */
  get<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): Promise<T>;
  /** New rows; a row that already exists is an error. */
  insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T | T[]): void;
  /** Rows that replace whatever is stored under their key. */
  upsert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: T | T[]): void;
  /** Sets some columns of the row with this key; no row, no change. */
  update<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>, changes: Partial<T>): void;
  delete<T extends ObjectLiteral>(entity: EntityTarget<T>, key: Partial<T>): void;
}
