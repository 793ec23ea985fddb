import { setImmediate as nextTurn } from 'node:timers/promises';
import { EventStore, GlobalPosition, RecordedEvent } from '../event-store.port';
import { ChainHead, ChainVerification, ChainVerifier, ChainVerifierOptions } from './chain-verifier';

export interface IncrementalVerification extends ChainVerification {
  /** Events hashed by this call; `eventsChecked` also counts those an earlier call verified. */
  eventsHashed: number;
  /** The position this call went on from; undefined when it started at the first event. */
  resumedAfter?: GlobalPosition;
  /** The global chain after the newest event of the `streams` asked about (e.g. a plan's). */
  streamsHead?: ChainHead;
}

export interface IncrementalVerifyRequest {
  /** Re-hash from the first event, as `npm run verify` does, instead of going on from the last verified one. */
  full?: boolean;
  /** Heads copied earlier; the chain at their positions is only known by recomputing it, so they imply `full`. */
  heads?: ChainHead[];
  /** Streams whose newest event's place in the global chain to report as `streamsHead`. */
  streams?: Iterable<string>;
  /** Shown each event hashed, in order (e.g. to notice another instance recording a break). */
  onEvent?(event: RecordedEvent): void;
}

interface Verified {
  verifier: ChainVerifier;
  /** The global chain after each stream's newest event, so a plan's head needs no re-reading. */
  lastOfStream: Map<string, ChainHead>;
  after?: GlobalPosition;
}

/**
 * Verifies the store once and then only what was appended since: it keeps the chains' state
 * after the last event it verified (both hashes and each stream's link) and goes on from there.
 * Calls run one at a time, so concurrent callers share the work instead of each re-hashing the
 * store, and the event loop is let go between pages so other requests are served meanwhile.
 *
 * What it vouches for is the history as it was read: an edit made later to an event already
 * verified is found by a `full` check (or `npm run verify`), not by the next incremental one.
 * A break is never remembered as verified; after one, the next call starts from the first event.
 */
export class IncrementalChainVerifier {
  private verified: Verified | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly options: Pick<ChainVerifierOptions, 'acceptUnchainedHistory'> & { pageSize?: number } = {},
  ) {}

  verify(request: IncrementalVerifyRequest = {}): Promise<IncrementalVerification> {
    const run = this.queue.then(() => this.run(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run({ full = false, heads = [], streams = [], onEvent }: IncrementalVerifyRequest): Promise<IncrementalVerification> {
    const resumed = full || heads.length > 0 ? undefined : this.verified;
    const state: Verified = resumed ?? { verifier: new ChainVerifier({ ...this.options, heads }), lastOfStream: new Map() };
    const resumedAfter = resumed?.after;
    let eventsHashed = 0;
    for (;;) {
      const page = await this.store.readAll({ after: state.after, maxCount: this.options.pageSize ?? 500, withHashes: true });
      if (page.length === 0) break;
      for (const event of page) {
        state.lastOfStream.set(event.streamId, { position: event.position, hash: state.verifier.check(event) });
        onEvent?.(event);
      }
      eventsHashed += page.length;
      state.after = page[page.length - 1].position;
      // A SQLite read never waits on I/O, so without this one call would hold every other request.
      await nextTurn();
    }
    const result = state.verifier.finish();
    // A verifier given heads reports them on every later call, so such a run is not kept to go on from.
    if (heads.length === 0) this.verified = result.ok ? state : undefined;
    return { ...result, eventsHashed, resumedAfter, streamsHead: newestOf(streams, state.lastOfStream) };
  }
}

function newestOf(streamIds: Iterable<string>, lastOfStream: Map<string, ChainHead>): ChainHead | undefined {
  let newest: ChainHead | undefined;
  for (const streamId of streamIds) {
    const head = lastOfStream.get(streamId);
    if (head && (newest === undefined || head.position > newest.position)) newest = head;
  }
  return newest;
}
