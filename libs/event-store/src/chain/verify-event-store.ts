import { EventStore, GlobalPosition, RecordedEvent } from '../event-store.port';
import { ChainHead, ChainVerification, ChainVerifier, ChainVerifierOptions } from './chain-verifier';

export interface VerifyProgress {
  eventsChecked: number;
  /** The newest position when verification started, for a percentage. */
  headPosition: GlobalPosition | undefined;
  lastPosition: GlobalPosition | undefined;
}

export interface VerifyOptions extends ChainVerifierOptions {
  pageSize?: number;
  onProgress?(progress: VerifyProgress): void;
  /** Sees every event as it is checked, with the recomputed global chain after it. */
  onEvent?(event: RecordedEvent, globalHash: string): void;
}

/** Reads the whole store in global order and recomputes both chains (see ChainVerifier). */
export async function verifyEventStore(store: EventStore, options: VerifyOptions = {}): Promise<ChainVerification> {
  const verifier = new ChainVerifier(options);
  const headPosition = await store.headPosition();
  let after: GlobalPosition | undefined;
  let eventsChecked = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: options.pageSize ?? 2000, withHashes: true });
    if (page.length === 0) break;
    for (const event of page) {
      const globalHash = verifier.check(event);
      options.onEvent?.(event, globalHash);
    }
    eventsChecked += page.length;
    after = page[page.length - 1].position;
    options.onProgress?.({ eventsChecked, headPosition, lastPosition: after });
  }
  return verifier.finish();
}

/**
 * The global chain's value after the event at `position`: the stored one where the store keeps
 * it (SQLite), else recomputed from the stored event hashes up to there (EventStoreDB).
 */
export async function chainHeadAt(store: EventStore, position: GlobalPosition): Promise<ChainHead | undefined> {
  const [first] = await store.readAll({ maxCount: 1, withHashes: true });
  if (first?.globalHash !== undefined) {
    // Positions there are integers, so the event at `position` is the first one after position - 1.
    const [atPosition] = await store.readAll({ after: position - 1n, maxCount: 1, withHashes: true });
    return atPosition?.position === position && atPosition.globalHash !== undefined ? { position, hash: atPosition.globalHash } : undefined;
  }
  // Recomputed as verify does, so the head matches what verify reports for the same position.
  const verifier = new ChainVerifier({ acceptUnchainedHistory: true });
  let after: GlobalPosition | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 2000, withHashes: true });
    for (const event of page) {
      verifier.check(event);
      if (event.position === position) return verifier.finish().head;
    }
    if (page.length === 0) return undefined;
    after = page[page.length - 1].position;
  }
}
