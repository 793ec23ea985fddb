import { deterministicUuid } from './deterministic-uuid';
import { EventMetadata, EventStore, ExpectedRevision, GlobalPosition, RecordedEvent, StreamRevision } from './event-store.port';
import { WrongExpectedRevisionError } from './event-store.errors';
import { foldStream, rememberAppended } from './fold-stream';
import { commandIdFingerprint, StreamStateCache } from './stream-state-cache';
import { eventOf } from './upcasting-event-store';

export interface Decider<Command, Event extends { type: string; data: object }, State, Meta, Context> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, metadata: Meta, context: Context): Event[];
}

export interface HandleCommandOptions<Event extends { type: string }, Meta, Context, State = unknown> {
  metadata: Meta & {
    now: string;
    commandId: string;
    correlationId?: string;
    causationId?: string;
    actor?: EventMetadata['actor'];
  };
  context: Context;
  /** The revision the client last saw; when absent, the revision read while rebuilding state. */
  expectedRevision?: StreamRevision;
  schemaVersionOf(event: Event): number;
  /**
   * Runs on the rebuilt state before deciding; throws to refuse. What it returns (the acting
   * user and the role they act in) is recorded on the events.
   */
  authorize?(state: State): Promise<{ actor: NonNullable<EventMetadata['actor']> } | void>;
  /** Folded states of recent streams, kept between commands; without it every command folds its whole stream. */
  cache?: StreamStateCache;
}

export interface CommandResult<Event, State> {
  events: Event[];
  state: State;
  /** Revision of the stream after the command (unchanged when it decided nothing). */
  revision: StreamRevision | undefined;
  position: GlobalPosition | undefined;
  /** True when the command had been handled before (same command id) and nothing was appended now. */
  replayed?: boolean;
}

/**
 * Read the stream, rebuild state, decide, append. The expected revision makes a stale write
 * fail instead of silently merging: the caller's revision if it sent one, else the one read
 * here, and "no stream" when the stream did not exist.
 */
export async function handleCommand<Command, Event extends { type: string; data: object }, State, Meta, Context>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State, Meta, Context>,
  command: Command,
  options: HandleCommandOptions<Event, Meta, Context, State>,
): Promise<CommandResult<Event, State>> {
  const current = await foldStream(store, streamId, decider, options.cache);
  let state = current.state;
  const readRevision = current.revision;

  const authorized = await options.authorize?.(state);
  const metadata = authorized ? { ...options.metadata, actor: authorized.actor } : options.metadata;

  // A retried command (same command id) already in the stream is answered, not appended again.
  // The fingerprints rule most commands out without reading the stream; a match is checked on the events.
  if (current.commandIds.has(commandIdFingerprint(metadata.commandId))) {
    const recorded = await store.readStream(streamId);
    let latest = decider.initialState();
    for (const event of recorded) latest = decider.evolve(latest, eventOf<Event>(event));
    const done = earlierResult<Event, State>(recorded, metadata.commandId, latest);
    if (done) return done;
  }

  const events = decider.decide(command, state, metadata, options.context);
  if (events.length === 0) return { events, state, revision: readRevision, position: undefined };

  const expected: ExpectedRevision = options.expectedRevision ?? readRevision ?? 'no_stream';
  let result;
  try {
    result = await store.appendToStream(
      streamId,
      events.map((event, index) => ({
        id: eventIdFor(metadata.commandId, streamId, index),
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: {
          schemaVersion: options.schemaVersionOf(event),
          occurredAt: metadata.now,
          commandId: metadata.commandId,
          correlationId: metadata.correlationId ?? metadata.commandId,
          causationId: metadata.causationId ?? metadata.commandId,
          actor: metadata.actor ?? null,
        },
      })),
      expected,
    );
  } catch (error) {
    // Two copies of one retried command raced: the one that lost finds the winner's events.
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const now = await store.readStream(streamId);
    let latest = decider.initialState();
    for (const event of now) latest = decider.evolve(latest, eventOf<Event>(event));
    const raced = earlierResult<Event, State>(now, metadata.commandId, latest);
    if (raced) return raced;
    throw error;
  }
  for (const event of events) state = decider.evolve(state, event);
  rememberAppended(options.cache, streamId, decider.evolve, { state, revision: result.nextExpectedRevision, commandIds: current.commandIds }, metadata.commandId);
  return { events, state, revision: result.nextExpectedRevision, position: result.position };
}

function earlierResult<Event, State>(
  recorded: RecordedEvent[],
  commandId: string,
  state: State,
): CommandResult<Event, State> | undefined {
  const earlier = recorded.filter((e) => e.metadata.commandId === commandId);
  if (earlier.length === 0) return undefined;
  const last = earlier[earlier.length - 1];
  return { events: earlier.map((e) => eventOf<Event>(e)), state, revision: last.revision, position: last.position, replayed: true };
}

/**
 * Event ids come from the command id, so a client that retries the same command produces the
 * same ids and the store can recognise the retry instead of appending twice.
 */
export function eventIdFor(commandId: string, streamId: string, index: number): string {
  return deterministicUuid('event', commandId, streamId, String(index));
}
