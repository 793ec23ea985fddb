import { randomUUID } from 'node:crypto';
import { ChainVerifier } from '../chain/chain-verifier';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { chainEvents, tipOfUnchainedStream, unchain } from './esdb-hash-chain';

// What EventStoreDB hands back for what the adapter sent: the same JSON, a revision and a position.
let position = 0n;
function stored(streamId: string, sent: NewEvent[], firstRevision: bigint, created = '2026-01-01T00:00:00.000Z'): RecordedEvent[] {
  return sent.map((event, i) => {
    const { metadata, chain } = unchain(JSON.parse(JSON.stringify(event.metadata)));
    position += 100n;
    return { id: event.id, streamId, revision: firstRevision + BigInt(i), position, type: event.type, data: JSON.parse(JSON.stringify(event.data)), metadata, recordedAt: chain?.recordedAt ?? created, hash: chain?.hash, previousHash: chain?.previousHash };
  });
}

const newEvent = (n: number): NewEvent => ({ id: randomUUID(), type: 'ProgressReported', data: { z: n, a: [n] }, metadata: { schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z' } });

describe('the EventStoreDB stream chain in event metadata', () => {
  it('reads back as a chain that verifies, across appends, with the recorded time the hash covers', () => {
    const first = stored('action-1', chainEvents('action-1', [newEvent(1), newEvent(2)], undefined, '2026-02-01T10:00:00.000Z'), 0n);
    const second = stored('action-1', chainEvents('action-1', [newEvent(3)], { revision: 1n, hash: first[1].hash! }, '2026-02-01T11:00:00.000Z'), 2n);
    const verifier = new ChainVerifier();
    [...first, ...second].forEach((e) => verifier.check(e));

    expect(verifier.finish()).toMatchObject({ ok: true, eventsChecked: 3 });
    expect(second[0]).toMatchObject({ previousHash: first[1].hash, recordedAt: '2026-02-01T11:00:00.000Z' });
    expect(second[0].metadata).toEqual({ schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z' });
  });

  it('chains new events onto a stream written before chains existed; verify accepts that history only when told to', () => {
    const legacy = stored('action-2', [newEvent(1), newEvent(2)], 0n);
    const chained = stored('action-2', chainEvents('action-2', [newEvent(3)], tipOfUnchainedStream(legacy), '2026-02-01T12:00:00.000Z'), 2n);
    const run = (acceptUnchainedHistory: boolean, events: RecordedEvent[]) => {
      const verifier = new ChainVerifier({ acceptUnchainedHistory });
      events.forEach((e) => verifier.check(e));
      return verifier.finish();
    };

    expect(run(true, [...legacy, ...chained]).ok).toBe(true);
    expect(run(false, [...legacy, ...chained]).firstBreak).toMatchObject({ kind: 'UNCHAINED', position: legacy[0].position });
    const unchainedAfterChained = stored('action-2', [newEvent(4)], 3n);
    expect(run(true, [...legacy, ...chained, ...unchainedAfterChained]).firstBreak).toMatchObject({ kind: 'UNCHAINED', revision: 3n });
  });
});
