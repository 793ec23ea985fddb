import { RecordedEvent } from '../event-store.port';
import { ChainVerifier } from './chain-verifier';
import { eventHashOf, GENESIS_HASH } from './event-hash';

// The verifier on events as EventStoreDB gives them: each stream chained, no stored global chain.
// The SQLite tampering tests (sqlite/hash-chain.int-spec.ts) mostly see the global chain break
// first, so the mutation run found the stream links, the copied heads and the wording untested here.

/** Event `revision` of `streamId`, at `position`, chained to `previousHash`. */
function event(streamId: string, revision: number, position: number, previousHash: string, text = `${streamId} #${revision}`): RecordedEvent {
  const content = { id: `${streamId}-${revision}-${text}`, streamId, revision: BigInt(revision), position: BigInt(position), type: 'Noted', data: { text }, metadata: { schemaVersion: 1, occurredAt: '2026-12-07T10:00:00.000Z' }, recordedAt: '2026-12-07T10:00:00.000Z' };
  return { ...content, previousHash, hash: eventHashOf(content, previousHash) };
}

/** A stream of `count` events, well chained, at the positions given. */
function stream(streamId: string, positions: number[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  positions.forEach((position, revision) => events.push(event(streamId, revision, position, events.at(-1)?.hash ?? GENESIS_HASH)));
  return events;
}

function verify(events: RecordedEvent[], heads?: { position: bigint; hash: string }[]) {
  const verifier = new ChainVerifier({ heads });
  const running = events.map((e) => verifier.check(e));
  return { ...verifier.finish(), running };
}

describe('ChainVerifier on stream chains alone', () => {
  it('names a revision missing from a stream, one or several', () => {
    const [a0, a1, a2, a3] = stream('a', [1, 2, 3, 4]);

    expect(verify([a0, a2]).firstBreak).toEqual({ kind: 'MISSING', position: 3n, streamId: 'a', revision: 2n, eventId: a2.id, message: 'Stream a goes on at position 3 (stream a, revision 2) but revision 1 is not stored before it. It was deleted from the store.' });
    expect(verify([a0, a3]).firstBreak?.message).toBe('Stream a goes on at position 4 (stream a, revision 3) but revisions 1 to 2 are not stored before it. It was deleted from the store.');
    expect(verify([a0, a1, a2, a3]).ok).toBe(true);
  });

  it('tells a deleted revision from a moved one only by an event of the same stream, in the gap', () => {
    const [a0, a1, a2, a3] = stream('a', [1, 2, 3, 4]);
    const [b0, b1] = stream('b', [5, 6]);

    expect(verify([a0, a2, a1]).firstBreak).toMatchObject({ kind: 'REORDERED', message: expect.stringMatching(/It was recorded after the event now at position 2 \(stream a, revision 1\): the events were reordered\.$/) });
    // Another stream's revision 1, and the stream's own later revision, fill no gap.
    expect(verify([a0, b0, a2, b1]).firstBreak).toMatchObject({ kind: 'MISSING', revision: 2n });
    expect(verify([a0, a2, a3]).firstBreak).toMatchObject({ kind: 'MISSING', revision: 2n });
    expect(verify([a0, a2, { ...a2, position: 9n }]).firstBreak).toMatchObject({ kind: 'MISSING', revision: 2n });
    expect(verify([a0, a2, { ...a0, position: 9n }]).firstBreak).toMatchObject({ kind: 'MISSING', revision: 2n });
  });

  it('names a revision stored again after a later one as reordered', () => {
    const [a0, a1] = stream('a', [1, 2]);
    const again = { ...a1, position: 3n };

    expect(verify([a0, a1, again]).firstBreak).toEqual({ kind: 'REORDERED', position: 3n, streamId: 'a', revision: 1n, eventId: a1.id, message: 'Stream a has revision 1 at position 3, after revision 1 at position 2: its events were reordered.' });
  });

  it('names an event replaced by another that hashes well on its own, where it is stored', () => {
    const [a0, a1] = stream('a', [1, 2]);
    const replacement = event('a', 0, 1, GENESIS_HASH, 'something else');

    expect(verify([replacement, a1]).firstBreak).toEqual({
      kind: 'EDITED',
      position: 1n,
      streamId: 'a',
      revision: 0n,
      eventId: replacement.id,
      message: 'The event at position 2 (stream a, revision 1) was chained to a different revision 0 of its stream than the one stored at position 1: that event was replaced.',
    });
    expect(verify([a0, a1]).ok).toBe(true);
  });

  it('names a first event chained to something that is not there', () => {
    const orphan = event('a', 0, 1, 'ab'.repeat(32));

    expect(verify([orphan]).firstBreak).toMatchObject({ kind: 'EDITED', position: 1n, message: expect.stringContaining('than the one stored at position (none)') });
  });

  it('names an event without a chain hash', () => {
    const [a0] = stream('a', [1]);
    const { hash: _hash, previousHash: _previous, ...bare } = a0;

    expect(verify([bare]).firstBreak).toMatchObject({ kind: 'UNCHAINED', message: "The event at position 1 (stream a, revision 0) carries no chain hash: it was not written through the store's append path." });
  });

  it('names a global chain broken at the first event, where no event comes before it', () => {
    const [a0] = stream('a', [1]);

    expect(verify([{ ...a0, globalHash: 'cd'.repeat(32) }]).firstBreak?.message).toBe(
      'The global chain breaks at position 1 (stream a, revision 0): its stored global hash does not follow from the event before it (position none). The event recorded just before it is missing (deleted), or the stored chain was rewritten.',
    );
  });
});

describe('ChainVerifier with heads copied earlier', () => {
  const events = stream('a', [1, 2, 3]);
  const running = verify(events).running;

  it('checks heads given in any order', () => {
    const result = verify(events, [
      { position: 3n, hash: running[2] },
      { position: 1n, hash: running[0].toUpperCase() },
      { position: 2n, hash: running[1] },
    ]);

    expect(result.ok).toBe(true);
    expect(result.heads).toEqual([
      { position: 1n, hash: running[0].toUpperCase(), matches: true },
      { position: 2n, hash: running[1], matches: true },
      { position: 3n, hash: running[2], matches: true },
    ]);
  });

  it('says what the chain is now where a head no longer matches', () => {
    const copied = 'ef'.repeat(32);

    expect(verify(events, [{ position: 2n, hash: copied }]).firstBreak).toEqual({ kind: 'HEAD_MISMATCH', position: 2n, message: `At position 2 the chain is now ${running[1]}, not ${copied} as copied earlier: history up to that position was changed since.` });
  });

  it('names a head whose event is gone as soon as a later event shows it, before any break after it', () => {
    const [a0, , a2] = events;
    const edited = { ...a2, data: { text: 'edited' } };

    const result = verify([a0, edited], [{ position: 2n, hash: running[1] }]);

    expect(result.firstBreak).toEqual({ kind: 'MISSING', position: 2n, message: 'No event is stored at position 2, which the copied head names: it was deleted.' });
    expect(result.heads).toEqual([{ position: 2n, hash: running[1], matches: false }]);
  });
});
