import { randomUUID } from 'node:crypto';
import {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  Filter,
  JSONRecordedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EsdbClient } from './esdb-client';

type Stored = JSONRecordedEvent & { position: { commit: bigint; prepare: bigint } };

/**
 * Answers as a KurrentDB server gives them, for the client calls the adapter makes: positions are
 * byte offsets of uneven size, a read of $all may start only at an event's position (or the
 * start or end), stream-prefix filters are applied before maxCount, a missing stream is the
 * client's StreamNotFoundError and a stale append its WrongExpectedVersionError. Every call is
 * recorded, and the next call of a kind can be made to fail with one of the client's errors.
 */
export class KurrentDbAnswers implements EsdbClient {
  readonly log: Stored[] = [];
  readonly calls: Array<{ method: string; options: object }> = [];
  /** Fails the next append before (`before`) or after (`after`) it is written, as a lost answer would. */
  failNextAppend: { error: Error; when: 'before' | 'after' } | undefined;
  failNextRead: Error | undefined;
  /** A server that never answers a read. */
  silentReads = false;
  /** A server that would send every event whatever filter it was asked for. */
  ignoresFilters = false;
  private nextPosition = 1_024n;

  /** Writes events the way another application, or the server itself, would: not through the adapter. */
  write(streamId: string, type: string, data: Record<string, unknown> = {}): Stored {
    const revision = BigInt(this.log.filter((e) => e.streamId === streamId).length);
    // Records differ in size, so positions jump by uneven amounts: never position + 1.
    const size = 150n + BigInt(JSON.stringify(data).length) + BigInt(type.length) * 7n;
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += size;
    const event: Stored = { streamId, id: randomUUID(), revision, type, data, metadata: {}, isJson: true, created: new Date(), position };
    this.log.push(event);
    return event;
  }

  async appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult> {
    this.calls.push({ method: 'appendToStream', options });
    const failure = this.failNextAppend;
    this.failNextAppend = undefined;
    if (failure?.when === 'before') throw failure.error;
    const current = this.stream(streamName).at(-1)?.revision;
    const expected = options.streamState;
    if (!(expected === 'any' || (expected === 'no_stream' && current === undefined) || (expected === 'stream_exists' && current !== undefined) || expected === current)) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected: expected ?? 'any', current: current ?? 'no_stream' });
    }
    const written = events.map((e) => Object.assign(this.write(streamName, e.type, e.data as Record<string, unknown>), { id: e.id, metadata: JSON.parse(JSON.stringify(e.metadata)) }));
    if (failure?.when === 'after') throw failure.error;
    return { success: true, nextExpectedRevision: written.at(-1)!.revision, position: written.at(-1)!.position };
  }

  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent> {
    this.calls.push({ method: 'readStream', options });
    return this.answer(() => {
      const stream = this.stream(streamName);
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision;
      const ordered = backwards ? [...stream].reverse() : stream;
      const started = ordered.filter((e) => from === undefined || from === 'start' || from === 'end' || (backwards ? e.revision <= from : e.revision >= from));
      return started.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map((event) => ({ event }));
    });
  }

  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', options });
    return this.answer(() => {
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition ?? (backwards ? 'end' : 'start');
      if (typeof from === 'object' && !this.log.some((e) => e.position.commit === from.commit)) {
        throw new UnknownError(undefined, `InvalidPosition: no record starts at ${from.commit}`);
      }
      const ordered = backwards ? [...this.log].reverse() : this.log;
      // Forwards includes the event at the start position; backwards starts before it.
      const started = ordered.filter((e) => typeof from !== 'object' || (backwards ? e.position.commit < from.commit : e.position.commit >= from.commit));
      const filtered = this.ignoresFilters || !options.filter ? started : started.filter((e) => passes(options.filter!, e));
      return filtered.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map((event) => ({ event }));
    });
  }

  async dispose(): Promise<void> {}

  private stream(streamId: string): Stored[] {
    return this.log.filter((e) => e.streamId === streamId);
  }

  /** The server's answer, as the client streams it: computed when read, failing or never ending as told. */
  private async *answer<T>(events: () => T[]): AsyncIterable<T> {
    await Promise.resolve();
    if (this.silentReads) await new Promise(() => undefined);
    const failure = this.failNextRead;
    this.failNextRead = undefined;
    if (failure) throw failure;
    yield* events();
  }
}

function passes(filter: Filter, event: Stored): boolean {
  const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
  return 'prefixes' in filter ? filter.prefixes.some((prefix) => subject.startsWith(prefix)) : new RegExp(filter.regex).test(subject);
}
