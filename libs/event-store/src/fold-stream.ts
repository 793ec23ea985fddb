import { EventStore, StreamRevision } from './event-store.port';
import { commandIdFingerprint, StreamStateCache } from './stream-state-cache';
import { eventOf } from './upcasting-event-store';

/**
 * How a stream's events become its state: the decider's fold. The events come as the store reads
 * them, so a store holding older versions is one that upcasts on read (`upcastOnRead`).
 */
export interface StreamFold<Event, State> {
  initialState(): State;
  evolve(state: State, event: Event): State;
}

export interface CurrentState<State> {
  state: State;
  /** Undefined when the stream does not exist. */
  revision: StreamRevision | undefined;
  commandIds: Set<number>;
}

/**
 * A stream's current state. With a cache, only the events after the cached revision are read and
 * folded in; without one (or on a miss), the whole stream is.
 */
export async function foldStream<Event, State>(
  store: EventStore,
  streamId: string,
  fold: StreamFold<Event, State>,
  cache?: StreamStateCache,
): Promise<CurrentState<State>> {
  const cached = cache?.get<State>(streamId, fold.evolve);
  const after = cached?.revision;
  const recorded = await store.readStream(streamId, after === undefined ? undefined : { after });
  if (cached && recorded.length === 0) return cached;
  let state = cached?.state ?? fold.initialState();
  const commandIds = cached?.commandIds ?? new Set<number>();
  for (const event of recorded) {
    state = fold.evolve(state, eventOf<Event>(event));
    if (typeof event.metadata.commandId === 'string') commandIds.add(commandIdFingerprint(event.metadata.commandId));
  }
  const revision = recorded.length === 0 ? undefined : recorded[recorded.length - 1].revision;
  if (revision !== undefined) cache?.set(streamId, { state, revision, commandIds, evolve: fold.evolve });
  return { state, revision, commandIds };
}

/** Records a successful append in the cache, so the next command on the stream reads nothing. */
export function rememberAppended<State>(
  cache: StreamStateCache | undefined,
  streamId: string,
  evolve: unknown,
  folded: { state: State; revision: StreamRevision; commandIds: Set<number> },
  commandId: string,
): void {
  if (!cache) return;
  folded.commandIds.add(commandIdFingerprint(commandId));
  cache.set(streamId, { ...folded, evolve });
}
