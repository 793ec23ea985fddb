import { randomUUID } from 'node:crypto';
import { EventStore, NewEvent } from '../event-store.port';
import { eventHashOf, GENESIS_HASH } from '../chain/event-hash';
import { chainHeadAt, verifyEventStore } from '../chain/verify-event-store';
import { CONTRACT_STREAM_PREFIX } from './contract-streams';

/**
 * The hash chains every adapter keeps, part of the EventStore contract. EventStoreDB is shared and
 * never wiped, so the whole-store check accepts events written there before chains existed.
 */
export function describeHashChainContract(storeOf: () => EventStore): void {
  describe('hash chains', () => {
    it("chains each event to its stream's previous event, with a hash over its content that reads back the same from the stream and from $all", async () => {
      const store = storeOf();
      const streamId = `${CONTRACT_STREAM_PREFIX}chain-${randomUUID()}`;
      const before = await store.headPosition();
      await store.appendToStream(streamId, [event({ b: 1, a: 'two' }), event({ nested: { z: [1, { y: null, x: 'é' }] } })], 'no_stream');
      await store.appendToStream(streamId, [event({})], 1n);

      const recorded = await store.readStream(streamId);
      // From the head before the first append, not `recorded[0].position - 1n`: positions need not be consecutive.
      const fromAll = (await store.readAll({ after: before, withHashes: true })).filter((e) => e.streamId === streamId);

      expect(recorded.map((e) => e.previousHash)).toEqual([GENESIS_HASH, recorded[0].hash, recorded[1].hash]);
      for (const e of recorded) expect(e.hash).toBe(eventHashOf(e, e.previousHash!));
      expect(new Set(recorded.map((e) => e.hash)).size).toBe(3);
      expect(fromAll.map((e) => [e.hash, e.previousHash])).toEqual(recorded.map((e) => [e.hash, e.previousHash]));
    });

    it('hashes content, not the order its keys were written in, and changes the hash for any changed byte', async () => {
      const [recorded] = await appendOne(storeOf(), event({ b: 1, a: { d: 'x', c: [1, 2] } }));
      const reordered = { ...recorded, data: { a: { c: [1, 2], d: 'x' }, b: 1 }, metadata: { occurredAt: recorded.metadata.occurredAt, schemaVersion: 1 } };

      expect(eventHashOf(reordered, GENESIS_HASH)).toBe(recorded.hash);
      expect(eventHashOf({ ...reordered, data: { a: { c: [1, 2], d: 'y' }, b: 1 } }, GENESIS_HASH)).not.toBe(recorded.hash);
      expect(eventHashOf({ ...recorded, recordedAt: new Date(0).toISOString() }, GENESIS_HASH)).not.toBe(recorded.hash);
      expect(eventHashOf(recorded, recorded.hash!)).not.toBe(recorded.hash);
    });

    it('verifies the whole store after concurrent appends to many streams, and gives the same head as chainHeadAt', async () => {
      const store = storeOf();
      const streams = Array.from({ length: 12 }, () => `${CONTRACT_STREAM_PREFIX}chain-${randomUUID()}`);
      await Promise.all(streams.map((streamId) => store.appendToStream(streamId, [event({ n: 1 }), event({ n: 2 })], 'no_stream')));
      await Promise.all(streams.map((streamId) => store.appendToStream(streamId, [event({ n: 3 })], 1n)));

      // A long-lived EventStoreDB may hold events from before chains existed.
      const verification = await verifyEventStore(store, { pageSize: 7, acceptUnchainedHistory: true });

      expect(verification.firstBreak).toBeUndefined();
      expect(verification).toMatchObject({ ok: true, head: { position: await store.headPosition() } });
      expect(verification.head).toEqual(await chainHeadAt(store, verification.head!.position));
      const again = await verifyEventStore(store, { heads: [verification.head!], acceptUnchainedHistory: true });
      expect(again.heads).toEqual([{ ...verification.head!, matches: true }]);
    });
  });
}

function event(data: Record<string, unknown>): NewEvent {
  return { id: randomUUID(), type: 'ThingHappened', data, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}

async function appendOne(store: EventStore, newEvent: NewEvent) {
  const streamId = `${CONTRACT_STREAM_PREFIX}chain-${randomUUID()}`;
  await store.appendToStream(streamId, [newEvent], 'no_stream');
  return store.readStream(streamId);
}
