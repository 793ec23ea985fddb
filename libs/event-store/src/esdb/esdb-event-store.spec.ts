import { randomUUID } from 'node:crypto';
import type { ServiceError } from '@grpc/grpc-js';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { CONTRACT_STREAM_PREFIX } from '../contract/contract-streams';
import {
  AppendTooLargeError,
  EventStoreAccessDeniedError,
  EventStoreUnavailableError,
  WriteOutcomeUnknownError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import { NewEvent, RecordedEvent } from '../event-store.port';
import { Decider, handleCommand } from '../handle-command';
import { EsdbEventStore } from './esdb-event-store';
import { KurrentDbAnswers } from './kurrentdb-answers.fixture';

const APP_PREFIXES = ['plan-', 'action-'];

/** The gRPC failure the client wraps, as the server's status arrives (code, details, metadata). */
const grpcStatus = (code: number, details: string, metadata: Record<string, string> = {}) =>
  Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => metadata } }) as unknown as ServiceError;

const newEvent = (type = 'ProgressReported'): NewEvent => ({ id: randomUUID(), type, data: { n: 1 }, metadata: { schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z' } });

function storeOn(server: KurrentDbAnswers, timeoutMs?: number): EsdbEventStore {
  return new EsdbEventStore(server, { streamPrefixes: APP_PREFIXES, pollIntervalMs: 10, timeoutMs });
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('EsdbEventStore on a server it shares with other applications', () => {
  let server: KurrentDbAnswers;
  let store: EsdbEventStore;

  beforeEach(() => {
    server = new KurrentDbAnswers();
    store = storeOn(server);
    server.write('$stats-127.0.0.1:2113', '$statsCollected');
    server.write('orders-17', 'OrderPlaced');
    server.write(`${CONTRACT_STREAM_PREFIX}${randomUUID()}`, 'ThingHappened');
  });

  afterEach(() => store.close());

  it('reads only its own streams from $all, and asks the server to filter on its prefixes', async () => {
    await store.appendToStream('action-1', [newEvent()], 'no_stream');
    server.write('invoices-9', 'InvoiceRaised');
    await store.appendToStream('plan-1', [newEvent('PlanCreated')], 'no_stream');

    const all = await store.readAll();

    expect(all.map((e) => e.streamId)).toEqual(['action-1', 'plan-1']);
    const reads = server.calls.filter((c) => c.method === 'readAll');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(read.options).toMatchObject({ filter: { filterOn: 'streamName', prefixes: APP_PREFIXES } });
  });

  it('still keeps to its own streams, and reads past runs of others longer than a page, when a server sends everything', async () => {
    server.ignoresFilters = true;
    await store.appendToStream('action-1', [newEvent()], 'no_stream');
    for (let i = 0; i < 1_200; i++) server.write(`orders-${i}`, 'OrderPlaced');
    await store.appendToStream('action-1', [newEvent()], 0n);
    for (let i = 0; i < 700; i++) server.write(`orders-${i}`, 'OrderShipped');

    expect((await store.readAll()).map((e) => [e.streamId, e.revision])).toEqual([['action-1', 0n], ['action-1', 1n]]);
    expect(await store.headPosition()).toBe((await store.readStream('action-1'))[1].position);
  });

  it('delivers only its own events to a subscriber (the projections)', async () => {
    const received: RecordedEvent[] = [];
    const subscription = store.subscribeToAll({ onEvents: async (events) => void received.push(...events) });
    await store.appendToStream('action-2', [newEvent()], 'no_stream');
    server.write('orders-18', 'OrderPlaced');
    await store.appendToStream('action-2', [newEvent()], 0n);
    await eventually(() => expect(received).toHaveLength(2));
    await subscription.unsubscribe();

    expect(received.map((e) => e.streamId)).toEqual(['action-2', 'action-2']);
  });

  it('refuses to write a stream that is not its own, and sends nothing', async () => {
    const error = await failureOf(store.appendToStream('orders-17', [newEvent()], 'any'));

    expect((error as Error).message).toMatch(/orders-17 is not one of this store's/);
    expect(server.calls.filter((c) => c.method === 'appendToStream')).toEqual([]);
  });

  it('reports as its head its own newest event, not another application’s newer one', async () => {
    const { position } = await store.appendToStream('plan-2', [newEvent('PlanCreated')], 'no_stream');
    server.write('orders-19', 'OrderPlaced');

    expect(await store.headPosition()).toBe(position);
    expect(await store.head()).toEqual({ position, events: 1 });
  });

  it('refuses to be made without prefixes, or with a system one', () => {
    expect(() => new EsdbEventStore(server, { streamPrefixes: [] })).toThrow(/needs its own stream prefixes/);
    expect(() => new EsdbEventStore(server, { streamPrefixes: ['$'] })).toThrow(/needs its own stream prefixes/);
  });
});

describe('EsdbEventStore positions, which are byte offsets', () => {
  it('reads $all after an event by that event’s position; a position computed from it is not one the server accepts', async () => {
    const server = new KurrentDbAnswers();
    const store = storeOn(server);
    await store.appendToStream('action-1', [newEvent(), newEvent(), newEvent()], 'no_stream');
    const [first, second, third] = await store.readStream('action-1');

    expect(second.position - first.position).toBeGreaterThan(1n);
    expect((await store.readAll({ after: first.position })).map((e) => e.id)).toEqual([second.id, third.id]);
    await expect(store.readAll({ after: second.position - 1n })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await store.close();
  });
});

describe('EsdbEventStore failures, as the client reports them', () => {
  let server: KurrentDbAnswers;
  let store: EsdbEventStore;

  beforeEach(() => {
    server = new KurrentDbAnswers();
    store = storeOn(server, 200);
  });

  afterEach(() => store.close());

  describe('an append', () => {
    it('that passed its deadline is "outcome unknown", not "nothing was changed": the server may have committed it', async () => {
      server.failNextAppend = { error: new DeadlineExceededError(grpcStatus(4, 'Deadline Exceeded')), when: 'after' };

      const error = await failureOf(store.appendToStream('action-1', [newEvent()], 'no_stream'));

      expect(error).toBeInstanceOf(WriteOutcomeUnknownError);
      expect((error as Error).message).toMatch(/did not confirm the write to action-1, which it may have recorded: 4 Deadline Exceeded/);
      expect(await store.readStream('action-1')).toHaveLength(1);
    });

    it('whose outcome was unknown is recorded once when the command is sent again with the same commandId', async () => {
      type Added = { type: 'Added'; data: { by: number } };
      const counter: Decider<{ by: number }, Added, number, unknown, void> = {
        initialState: () => 0,
        evolve: (total, event) => total + event.data.by,
        decide: (command) => [{ type: 'Added', data: { by: command.by } }],
      };
      const commandId = randomUUID();
      const send = () => handleCommand(store, 'action-7', counter, { by: 1 }, { metadata: { now: '2026-01-01T00:00:00.000Z', commandId }, context: undefined, schemaVersionOf: () => 1 });
      server.failNextAppend = { error: new DeadlineExceededError(grpcStatus(4, 'Deadline Exceeded')), when: 'after' };

      await expect(send()).rejects.toBeInstanceOf(WriteOutcomeUnknownError);
      await expect(send()).resolves.toMatchObject({ replayed: true, state: 1 });
      expect(await store.readStream('action-7')).toHaveLength(1);
    });

    it.each([
      ['a deadline reported without a status code', () => new DeadlineExceededError(undefined, 'DeadlineExceededError')],
      ['a deadline the client hands back unconverted', () => Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: 4 })],
      ['cancelled (the client reconnecting or shutting down)', () => new CancelledError(grpcStatus(1, 'Cancelled on client'))],
      ['an error the client did not recognise', () => new UnknownError(grpcStatus(2, 'Exception was thrown by handler.'))],
      ['a connection dropped mid-call', () => new UnavailableError(grpcStatus(14, 'Connection dropped'))],
    ])('%s is "outcome unknown"', async (_what, error) => {
      server.failNextAppend = { error: error(), when: 'after' };

      await expect(store.appendToStream('action-1', [newEvent()], 'no_stream')).rejects.toBeInstanceOf(WriteOutcomeUnknownError);
    });

    it('refused by a follower, or never sent for want of a connection, changed nothing', async () => {
      server.failNextAppend = { error: new NotLeaderError(grpcStatus(5, 'Leader info available', { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' })), when: 'before' };
      const notLeader = await failureOf(store.appendToStream('action-1', [newEvent()], 'no_stream'));
      // What the client gives for a refused connection (recorded from a closed port).
      server.failNextAppend = { error: Object.assign(new Error('14 UNAVAILABLE: No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:2113.'), { code: 14 }), when: 'before' };
      const refused = await failureOf(store.appendToStream('action-1', [newEvent()], 'no_stream'));

      for (const error of [notLeader, refused]) {
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect(error).not.toBeInstanceOf(WriteOutcomeUnknownError);
      }
      expect(await store.readStream('action-1')).toEqual([]);
    });

    it('refused for the app user’s permissions says so, with what the user needs', async () => {
      server.failNextAppend = { error: new AccessDeniedError(grpcStatus(7, 'Access denied')), when: 'before' };

      const error = await failureOf(store.appendToStream('action-1', [newEvent()], 'no_stream'));

      expect(error).toBeInstanceOf(EventStoreAccessDeniedError);
      expect((error as Error).message).toMatch(/refused the app's user \(7 Access denied\): check its name and password in EVENTSTORE_CONNECTION_STRING, and that it may read \$all and write the app's streams/);
    });

    it('larger than the server takes is refused as too large, naming the limit', async () => {
      server.failNextAppend = { error: MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), when: 'before' };

      const error = await failureOf(store.appendToStream('action-1', [newEvent()], 'no_stream'));

      expect(error).toBeInstanceOf(AppendTooLargeError);
      expect(error).toMatchObject({ streamId: 'action-1', message: 'EventStoreDB refused the write to action-1: it takes at most 1048576 bytes in one append' });
    });

    it('at a stale revision is a conflict with the revision the server holds', async () => {
      await store.appendToStream('action-1', [newEvent(), newEvent()], 'no_stream');
      server.failNextAppend = { error: new WrongExpectedVersionError(undefined, { streamName: 'action-1', expected: 1n, current: 4n }), when: 'before' };

      const error = await failureOf(store.appendToStream('action-1', [newEvent()], 1n));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: 'action-1', expected: 1n, actual: 4n });
    });

    it('is made with a deadline', async () => {
      await store.appendToStream('action-1', [newEvent()], 'no_stream');

      expect(server.calls.find((c) => c.method === 'appendToStream')?.options).toMatchObject({ deadline: 200, streamState: 'no_stream' });
    });
  });

  describe('a read', () => {
    it('of a server that never answers gives up at the deadline as unavailable', async () => {
      server.silentReads = true;
      const started = Date.now();

      const errors = await Promise.all([failureOf(store.readStream('action-1')), failureOf(store.readAll()), failureOf(store.headPosition())]);

      for (const error of errors) {
        expect(error).toBeInstanceOf(EventStoreUnavailableError);
        expect((error as Error).message).toMatch(/did not answer a read of (action-1|\$all) within 200 ms/);
      }
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it.each([
      ['the server unavailable', () => new UnavailableError(undefined, 'UnavailableError'), EventStoreUnavailableError],
      ['a deadline', () => new DeadlineExceededError(grpcStatus(4, 'Deadline Exceeded')), EventStoreUnavailableError],
      ['a cancelled call', () => new CancelledError(grpcStatus(1, 'Cancelled on client')), EventStoreUnavailableError],
      ['an error the client did not recognise', () => new UnknownError(undefined, 'Unrecognized bridge error'), EventStoreUnavailableError],
      ['a user who may not read $all', () => new AccessDeniedError(grpcStatus(7, 'Access denied')), EventStoreAccessDeniedError],
    ])('failed by %s is reported as such, and nothing else', async (_what, error, expected) => {
      for (const read of [() => store.readAll(), () => store.readStream('action-1'), () => store.headPosition()]) {
        server.failNextRead = error();
        const failure = await failureOf(read());
        expect(failure).toBeInstanceOf(expected);
        expect(failure).not.toBeInstanceOf(WriteOutcomeUnknownError);
      }
    });

    it('asks for the leader wherever the tip decides something: stream reads and the head, not the projections’ reads', async () => {
      await store.appendToStream('action-1', [newEvent()], 'no_stream');
      await store.readStream('action-1');
      await store.headPosition();
      const leaderReads = server.calls.filter((c) => (c.options as { requiresLeader?: boolean }).requiresLeader).map((c) => c.method);
      server.calls.length = 0;
      await store.readAll();

      expect(leaderReads).toEqual(['readStream', 'readStream', 'readAll']);
      expect(server.calls).toEqual([{ method: 'readAll', options: expect.objectContaining({ requiresLeader: false }) }]);
    });
  });
});

// The whole contract, on the server's answers: positions are sparse, so a test that counted on
// position - 1 being readable would fail here as it does on a real server.
describeEventStoreContract('EsdbEventStore on recorded KurrentDB answers', async () => new EsdbEventStore(new KurrentDbAnswers(), { streamPrefixes: [CONTRACT_STREAM_PREFIX], pollIntervalMs: 10 }));

async function eventually(assertion: () => void, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
