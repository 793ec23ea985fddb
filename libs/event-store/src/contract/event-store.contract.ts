import { randomUUID } from 'node:crypto';
import { EventStore, ExpectedRevision, GlobalPosition, NewEvent, RecordedEvent, StreamRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { Decider, eventIdFor, handleCommand } from '../handle-command';
import { commandIdFingerprint, StreamStateCache } from '../stream-state-cache';
import { describeHashChainContract } from './hash-chain.contract';
import { CONTRACT_STREAM_PREFIX } from './contract-streams';

const SLOW_TEST_MS = 20_000;

/**
 * What every EventStore adapter must do, as one Jest suite each adapter's int-spec runs. A
 * server such as EventStoreDB is shared and never wiped, so each test writes to fresh streams
 * and asserts only on its own events when it reads $all or subscribes.
 */
export function describeEventStoreContract(
  name: string,
  makeStore: () => Promise<EventStore>,
  cleanup?: () => Promise<void>,
): void {
  describe(`${name} honours the EventStore contract`, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await makeStore();
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    describe('appending and reading a stream', () => {
      it('numbers the events of a new stream from revision 0 and returns them in order', async () => {
        const streamId = newStreamId();
        const events = [newEvent(), newEvent(), newEvent()];

        const result = await store.appendToStream(streamId, events, 'no_stream');
        const recorded = await store.readStream(streamId);

        expect(result.nextExpectedRevision).toBe(2n);
        expect(ids(recorded)).toEqual(ids(events));
        expect(recorded.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(recorded.every((e) => e.streamId === streamId)).toBe(true);
        expect(result.position).toBe(recorded[2].position);
      });

      it('continues the revisions when appending at the current revision', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, [newEvent(), newEvent()], 'no_stream');

        const result = await store.appendToStream(streamId, [newEvent()], 1n);

        expect(result.nextExpectedRevision).toBe(2n);
        expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
        expect(await store.readStream(newStreamId(), { after: 0n })).toEqual([]);
      });

      it('reads only the events after a revision when asked', async () => {
        const streamId = newStreamId();
        const events = [newEvent(), newEvent(), newEvent()];
        await store.appendToStream(streamId, events, 'no_stream');
        // Read whole first, so a store that keeps recent streams answers the later reads from memory too.
        expect(ids(await store.readStream(streamId))).toEqual(ids(events));

        expect(ids(await store.readStream(streamId, { after: 0n }))).toEqual(ids(events.slice(1)));
        expect(await store.readStream(streamId, { after: 2n })).toEqual([]);
        const more = newEvent();
        await store.appendToStream(streamId, [more], 2n);
        expect((await store.readStream(streamId, { after: 2n })).map((e) => [e.id, e.revision])).toEqual([[more.id, 3n]]);
        expect(await store.readStream(streamId, { after: 3n })).toEqual([]);
      });

      it('accepts stream_exists for an existing stream and any whether or not it exists', async () => {
        const streamId = newStreamId();
        expect((await store.appendToStream(streamId, [newEvent()], 'any')).nextExpectedRevision).toBe(0n);
        expect((await store.appendToStream(streamId, [newEvent()], 'stream_exists')).nextExpectedRevision).toBe(1n);
        expect((await store.appendToStream(streamId, [newEvent()], 'any')).nextExpectedRevision).toBe(2n);
      });

      it('round-trips data and metadata exactly: nested JSON, unicode and ISO strings', async () => {
        const streamId = newStreamId();
        const event: NewEvent = {
          id: randomUUID(),
          type: 'ProgressReported',
          data: {
            summary: 'EHCPs issued within 20 weeks — up to 62% ✅',
            languages: { welsh: 'Cynllun gwella ŵ ŷ', chinese: '特殊教育需要', arabic: 'خطة التحسين', emoji: '🧑‍🦽👩‍🏫' },
            escapes: 'He said "yes" \\ then\nleft\ttabbed',
            dueDate: '2025-03-31',
            reportedAt: '2025-01-15T09:30:00.123Z',
            rag: { from: 'amber', to: 'green', history: [{ at: '2024-12-01T00:00:00.000Z', value: 'red' }] },
            numbers: [0, -3, 42, 0.75, 1e21],
            flags: { done: false, approved: true },
            nothing: null,
            blank: '',
            deep: { a: { b: { c: [1, [2, [3, { d: 'e' }]]] } } },
          },
          metadata: {
            schemaVersion: 3,
            occurredAt: '2025-01-15T09:30:00.000Z',
            commandId: randomUUID(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
            actor: { userId: 'user-1', displayName: 'Siân O’Brien', role: 'plan-lead' },
          },
        };

        const before = await store.headPosition();
        const { position } = await store.appendToStream(streamId, [event], 'no_stream');
        const [fromStream] = await store.readStream(streamId);
        const fromAll = (await store.readAll({ after: before, withHashes: true })).find((e) => e.id === event.id);

        const chain = { hash: expect.stringMatching(/^[0-9a-f]{64}$/), previousHash: '0'.repeat(64) };
        const expected = { ...event, streamId, revision: 0n, position, recordedAt: expect.any(String), ...chain };
        // Only stores that keep the global chain per event (SQLite) carry it; EventStoreDB's is recomputed.
        if (fromStream.globalHash !== undefined) Object.assign(expected, { globalHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(fromStream).toEqual(expected);
        expect(fromAll).toEqual(expected);
        expect(new Date(fromStream.recordedAt).toISOString()).toBe(fromStream.recordedAt);
      });
    });

    describe('expected revisions', () => {
      it('rejects a stale revision and appends none of the batch', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, [newEvent(), newEvent()], 'no_stream');

        await expectConflict(store.appendToStream(streamId, [newEvent(), newEvent()], 0n), 0n, 1n);

        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('rejects no_stream when the stream exists', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, [newEvent()], 'no_stream');

        await expectConflict(store.appendToStream(streamId, [newEvent()], 'no_stream'), 'no_stream', 0n);

        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('rejects stream_exists, or any revision, when the stream is missing', async () => {
        const streamId = newStreamId();

        await expectConflict(store.appendToStream(streamId, [newEvent()], 'stream_exists'), 'stream_exists', 'no_stream');
        await expectConflict(store.appendToStream(streamId, [newEvent()], 0n), 0n, 'no_stream');

        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('appends all of a batch or nothing when it fails part-way', async () => {
        const streamId = newStreamId();
        // A bigint cannot be stored as JSON, so the second event fails after the first was accepted.
        const unstorable = newEvent('Unstorable', { amount: 10n });

        await expect(store.appendToStream(streamId, [newEvent(), unstorable, newEvent()], 'no_stream')).rejects.toThrow();

        expect(await store.readStream(streamId)).toEqual([]);
        await expect(store.appendToStream(streamId, [newEvent()], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0n });
      });

      it(
        'lets exactly one of ten concurrent writers at the same revision win',
        async () => {
          const streamId = newStreamId();
          await store.appendToStream(streamId, [newEvent()], 'no_stream');

          await expectOneWinner(streamId, 0n);

          expect(await store.readStream(streamId)).toHaveLength(3);
        },
        SLOW_TEST_MS,
      );

      it(
        'lets exactly one of ten concurrent creators of a stream win',
        async () => {
          const streamId = newStreamId();

          await expectOneWinner(streamId, 'no_stream');

          expect(await store.readStream(streamId)).toHaveLength(2);
        },
        SLOW_TEST_MS,
      );
    });

    describe('reading all streams', () => {
      it('returns events in increasing position order across streams', async () => {
        const before = await store.headPosition();
        const [a, b] = [newStreamId(), newStreamId()];
        const appended = [newEvent(), newEvent(), newEvent(), newEvent()];

        const results = [
          await store.appendToStream(a, appended.slice(0, 2), 'no_stream'),
          await store.appendToStream(b, appended.slice(2, 3), 'no_stream'),
          await store.appendToStream(a, appended.slice(3), 1n),
        ];
        const all = await store.readAll({ after: before });

        expectIncreasing(results.map((r) => r.position));
        expectIncreasing(all.map((e) => e.position));
        expect(ids(all.filter((e) => e.streamId === a || e.streamId === b))).toEqual(ids(appended));
        expect(before === undefined || all.every((e) => e.position > before)).toBe(true);
      });

      it('treats after as exclusive', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, [newEvent(), newEvent(), newEvent()], 'no_stream');
        const [first, second, third] = await store.readStream(streamId);

        const afterFirst = await store.readAll({ after: first.position });
        const afterThird = await store.readAll({ after: third.position });

        expect(ids(afterFirst.filter(inStream(streamId)))).toEqual(ids([second, third]));
        expect(afterThird.filter(inStream(streamId))).toEqual([]);
      });

      it('returns at most maxCount events, so $all can be paged without gaps or repeats', async () => {
        const before = await store.headPosition();
        const streamId = newStreamId();
        const appended = [newEvent(), newEvent(), newEvent()];
        await store.appendToStream(streamId, appended, 'no_stream');

        const firstPage = await store.readAll({ after: before, maxCount: 2 });
        const pages: RecordedEvent[] = [];
        let after = before;
        for (let i = 0; i < 100 && pages.filter(inStream(streamId)).length < 3; i++) {
          const page = await store.readAll({ after, maxCount: 2 });
          expect(page.length).toBeLessThanOrEqual(2);
          if (page.length === 0) break;
          pages.push(...page);
          after = page[page.length - 1].position;
        }

        expect(firstPage).toHaveLength(2);
        expect((await store.readAll({ maxCount: 1 }))[0].position).toBeLessThanOrEqual(firstPage[0].position);
        expectIncreasing(pages.map((e) => e.position));
        expect(ids(pages.filter(inStream(streamId)))).toEqual(ids(appended));
      });

      it('reports the newest position as the head', async () => {
        const { position } = await store.appendToStream(newStreamId(), [newEvent()], 'no_stream');

        const head = await store.headPosition();

        expect(head).toBeDefined();
        expect(head! >= position).toBe(true);
      });

      it('reports the head with the number of events, counting each appended event once, and the chain there where the store keeps it', async () => {
        const before = await store.head();
        await store.appendToStream(newStreamId(), [newEvent(), newEvent()], 'no_stream');
        const { position } = await store.appendToStream(newStreamId(), [newEvent()], 'no_stream');

        const [head, again] = await Promise.all([store.head(), store.head()]);

        // A shared server may take other writers' events meanwhile, so "at least" where they could count.
        expect(head!.position >= position).toBe(true);
        expect(head!.events).toBeGreaterThanOrEqual((before?.events ?? 0) + 3);
        expect(again!.events).toBe(head!.events);
        // Positions need not be consecutive (EventStoreDB's are byte offsets): the newest event is
        // read after the one before it, never after `head.position - 1n`.
        const since = await store.readAll({ after: before?.position });
        const previous = since[since.findIndex((e) => e.position === head!.position) - 1];
        const [newest] = await store.readAll({ after: previous.position, maxCount: 1, withHashes: true });
        expect(head!.globalHash).toBe(newest.globalHash);
      });
    });

    describe('many writers at once', () => {
      it('commits concurrent appends to different streams, and refuses only the stale one among them', async () => {
        const streams = Array.from({ length: 20 }, () => newStreamId());
        await store.appendToStream(streams[0], [newEvent()], 'no_stream');
        const results = await Promise.allSettled(
          streams.map((streamId) => store.appendToStream(streamId, [newEvent(), newEvent()], 'no_stream')),
        );
        expect(results[0].status).toBe('rejected');
        expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true);
        for (const streamId of streams.slice(1)) expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await store.readStream(streams[0])).toHaveLength(1);
        const positions = results.slice(1).map((r) => (r as PromiseFulfilledResult<{ position: GlobalPosition }>).value.position);
        expect(new Set(positions.map(String)).size).toBe(positions.length);
      });
    });

    describe('retried commands through handleCommand (idempotency by command id)', () => {
      type Added = { type: 'Added'; data: { by: number } };
      const counter: Decider<{ by: number }, Added, number, unknown, void> = {
        initialState: () => 0,
        evolve: (total, event) => total + event.data.by,
        decide: (command) => [{ type: 'Added', data: { by: command.by } }],
      };
      const run = (streamId: string, commandId: string, expectedRevision?: StreamRevision, cache?: StreamStateCache, by = 1) =>
        handleCommand(store, streamId, counter, { by }, {
          metadata: { now: new Date().toISOString(), commandId },
          context: undefined,
          expectedRevision,
          schemaVersionOf: () => 1,
          cache,
        });

      it('appends a retried command once and answers the retry with the first result', async () => {
        const streamId = newStreamId();
        const commandId = randomUUID();
        const first = await run(streamId, commandId);
        const retry = await run(streamId, commandId, undefined);
        expect(retry).toMatchObject({ revision: first.revision, position: first.position, replayed: true, state: 1 });
        expect(await store.readStream(streamId)).toHaveLength(1);
        expect((await store.readStream(streamId))[0].id).toBe(eventIdFor(commandId, streamId, 0));
      });

      it('appends once when two copies of one command race, and still refuses a different command on the same revision', async () => {
        const streamId = newStreamId();
        await run(streamId, randomUUID());
        const commandId = randomUUID();
        const results = await Promise.all([run(streamId, commandId, 0n), run(streamId, commandId, 0n)]);
        expect(results.map((r) => r.revision)).toEqual([1n, 1n]);
        expect(await store.readStream(streamId)).toHaveLength(2);
        await expect(run(streamId, randomUUID(), 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      describe('with a cache of folded state', () => {
        it("folds in another writer's appends, so its own next append is decided on the whole stream", async () => {
          // Two caches are two api instances sharing the store.
          const [mine, theirs] = [new StreamStateCache(), new StreamStateCache()];
          const streamId = newStreamId();
          await run(streamId, randomUUID(), undefined, mine, 1);
          expect(mine.get(streamId, counter.evolve)).toMatchObject({ state: 1, revision: 0n });
          await run(streamId, randomUUID(), undefined, theirs, 10);

          const next = await run(streamId, randomUUID(), undefined, mine, 100);

          expect(next).toMatchObject({ state: 111, revision: 2n });
          expect((await store.readStream(streamId)).map((e) => (e.data as { by: number }).by)).toEqual([1, 10, 100]);
          expect(mine.get(streamId, counter.evolve)).toMatchObject({ state: 111, revision: 2n });
        });

        it('still refuses a stale expected revision and appends nothing, and the next command goes through', async () => {
          const cache = new StreamStateCache();
          const streamId = newStreamId();
          await run(streamId, randomUUID(), undefined, cache);
          await run(streamId, randomUUID(), undefined, cache);

          await expect(run(streamId, randomUUID(), 0n, cache)).rejects.toBeInstanceOf(WrongExpectedRevisionError);

          expect(await store.readStream(streamId)).toHaveLength(2);
          expect(await run(streamId, randomUUID(), 1n, cache)).toMatchObject({ state: 3, revision: 2n });
        });

        it("answers a retried command with its first result, including a command another writer's cache never saw", async () => {
          const [mine, theirs] = [new StreamStateCache(), new StreamStateCache()];
          const streamId = newStreamId();
          const mineFirst = randomUUID();
          const theirsFirst = randomUUID();
          const first = await run(streamId, mineFirst, undefined, mine);
          await run(streamId, theirsFirst, undefined, theirs);
          await run(streamId, randomUUID(), undefined, mine);

          const retried = await run(streamId, mineFirst, undefined, mine);
          const theirsRetriedHere = await run(streamId, theirsFirst, undefined, mine);

          expect(retried).toMatchObject({ revision: first.revision, position: first.position, replayed: true });
          expect(theirsRetriedHere).toMatchObject({ revision: 1n, replayed: true });
          expect(await store.readStream(streamId)).toHaveLength(3);
        });

        it('decides a new command normally when its fingerprint matches one already in the stream', async () => {
          const cache = new StreamStateCache();
          const streamId = newStreamId();
          await run(streamId, randomUUID(), undefined, cache);
          const fresh = randomUUID();
          // Forces the one-in-four-billion case: a fingerprint shared with a different command id.
          const cached = cache.get<number>(streamId, counter.evolve)!;
          cached.commandIds.add(commandIdFingerprint(fresh));
          cache.set(streamId, cached);

          const result = await run(streamId, fresh, undefined, cache);

          expect(result).toMatchObject({ state: 2, revision: 1n });
          expect(result.replayed).toBeUndefined();
          expect(await store.readStream(streamId)).toHaveLength(2);
        });
      });
    });

    describe('subscribing to all streams', () => {
      it(
        'catches up from a checkpoint, then delivers live events in order until unsubscribed',
        async () => {
          const streamId = newStreamId();
          const history = [newEvent(), newEvent(), newEvent()];
          await store.appendToStream(streamId, history, 'no_stream');
          const [checkpoint] = await store.readStream(streamId);
          const received: RecordedEvent[] = [];
          let handling = false;
          let unsubscribed = false;
          const misuse: string[] = [];

          const subscription = store.subscribeToAll({
            after: checkpoint.position,
            onEvents: async (events) => {
              if (handling) misuse.push('a batch arrived before the previous one was handled');
              if (unsubscribed) misuse.push('a batch arrived after unsubscribe resolved');
              handling = true;
              await sleep(5);
              received.push(...events.filter(inStream(streamId)));
              handling = false;
            },
          });
          try {
            await eventually(() => expect(ids(received)).toEqual(ids(history.slice(1))));
            const live = [newEvent(), newEvent()];
            await store.appendToStream(streamId, [live[0]], 2n);
            await store.appendToStream(streamId, [live[1]], 3n);
            await eventually(() => expect(ids(received)).toEqual(ids([...history.slice(1), ...live])));
          } finally {
            await subscription.unsubscribe();
            unsubscribed = true;
          }
          await store.appendToStream(streamId, [newEvent()], 4n);
          await sleep(500);

          expectIncreasing(received.map((e) => e.position));
          expect(received).toHaveLength(4);
          expect(misuse).toEqual([]);
        },
        SLOW_TEST_MS,
      );
    });

    describeHashChainContract(() => store);

    async function expectOneWinner(streamId: string, expected: ExpectedRevision): Promise<void> {
      const attempts = Array.from({ length: 10 }, () => store.appendToStream(streamId, [newEvent(), newEvent()], expected));
      const results = await Promise.allSettled(attempts);
      const losses = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const loss of losses) expect(loss.reason).toBeInstanceOf(WrongExpectedRevisionError);
    }
  });
}

function newStreamId(): string {
  return `${CONTRACT_STREAM_PREFIX}${randomUUID()}`;
}

function newEvent(type = 'ThingHappened', data: Record<string, unknown> = { at: new Date().toISOString() }): NewEvent {
  return { id: randomUUID(), type, data, metadata: { schemaVersion: 1, occurredAt: new Date().toISOString() } };
}

function ids(events: { id: string }[]): string[] {
  return events.map((e) => e.id);
}

function inStream(streamId: string): (event: RecordedEvent) => boolean {
  return (event) => event.streamId === streamId;
}

function expectIncreasing(positions: GlobalPosition[]): void {
  positions.slice(1).forEach((position, i) => expect(position).toBeGreaterThan(positions[i]));
}

async function expectConflict(
  append: Promise<unknown>,
  expected: ExpectedRevision,
  actual: StreamRevision | 'no_stream',
): Promise<void> {
  const error = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ expected, actual });
}

/** Retries an assertion until it passes, for events that arrive on a subscription's schedule. */
async function eventually(assertion: () => void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
