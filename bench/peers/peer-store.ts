import { CommandMetadata, DomainEvent } from '@send/domain';
import { CommandResult, Decider } from '@send/event-store';

/** The half of a decider that rebuilds state. */
export type Fold<E extends DomainEvent, S> = Pick<Decider<unknown, E, S, CommandMetadata, unknown>, 'initialState' | 'evolve'>;

/**
 * An event store as the peer benchmark drives it: one command is "read the stream, fold it to a
 * state, decide, append with the expected stream version". The deciders are ours, so every
 * store appends the same events with the same payloads; only the store differs.
 */
export interface PeerStore {
  /** Shown in the figure names, e.g. "Emmett SQLite". */
  readonly name: string;
  /** How the store makes a commit durable, for the notes column. */
  readonly durability: string;
  /** Attempts that failed with an error the store's retry policy retries (the last try of a command included). */
  retried(): number;
  handle<C, E extends DomainEvent, S, X>(streamId: string, decider: Decider<C, E, S, CommandMetadata, X>, command: C, metadata: CommandMetadata, context: X): Promise<CommandResult<E, S>>;
  /** A stream's state rebuilt without deciding: the plan an AddAction checks. */
  fold<E extends DomainEvent, S>(streamId: string, decider: Fold<E, S>): Promise<S>;
  /** Reads the whole log in global order, a batch at a time; resolves to the number of events read. */
  readAll(batchSize: number): Promise<number>;
  close(): Promise<void>;
}
