import { randomUUID } from 'node:crypto';
import { EventMetadata } from '../event-store.port';
import { Decider, handleCommand, HandleCommandOptions } from '../handle-command';
import { SqliteEventStore } from './sqlite-event-store';

// What handleCommand records beside the events, and a command that decides nothing; the contract
// suite covers revisions and retries. The mutation run (docs/testing.md) found these untested.
describe('handleCommand on the SQLite store', () => {
  type Noted = { type: 'Noted'; data: { text: string } };
  /** Notes a text; a blank one changes nothing and decides no event. */
  const notes: Decider<{ text: string }, Noted, string[], unknown, void> = {
    initialState: () => [],
    evolve: (all, event) => [...all, event.data.text],
    decide: (command) => (command.text.trim() === '' ? [] : [{ type: 'Noted', data: { text: command.text } }]),
  };
  let store: SqliteEventStore;

  beforeEach(() => {
    store = new SqliteEventStore({ filename: ':memory:' });
  });

  afterEach(() => store.close());

  const note = (streamId: string, text: string, options: Partial<HandleCommandOptions<Noted, unknown, void, string[]>> = {}) =>
    handleCommand(store, streamId, notes, { text }, {
      context: undefined,
      schemaVersionOf: () => 1,
      ...options,
      metadata: { now: '2026-12-07T10:00:00.000Z', commandId: randomUUID(), ...options.metadata },
    });

  it('records the command as correlation and causation when the caller names neither, and no actor', async () => {
    const streamId = `note-${randomUUID()}`;
    const commandId = randomUUID();

    await note(streamId, 'first', { metadata: { now: '2026-12-07T10:00:00.000Z', commandId } });

    const [event] = await store.readStream(streamId);
    expect(event.metadata).toEqual({ schemaVersion: 1, occurredAt: '2026-12-07T10:00:00.000Z', commandId, correlationId: commandId, causationId: commandId, actor: null });
  });

  it('records the correlation, causation and actor the caller gives', async () => {
    const streamId = `note-${randomUUID()}`;
    const actor: EventMetadata['actor'] = { userId: 'u-1', displayName: 'Sam Patel', role: 'CHAIR' };

    await note(streamId, 'first', { metadata: { now: '2026-12-07T10:00:00.000Z', commandId: 'c-1', correlationId: 'corr-1', causationId: 'cause-1', actor } });

    expect((await store.readStream(streamId))[0].metadata).toMatchObject({ commandId: 'c-1', correlationId: 'corr-1', causationId: 'cause-1', actor });
  });

  it('records the actor that authorize names, over the one in the metadata', async () => {
    const streamId = `note-${randomUUID()}`;
    const actor = { userId: 'u-2', displayName: 'Alex Jones', role: 'ACTION_OWNER' };

    const claimed = { userId: 'u-3', displayName: 'Someone Else', role: 'CHAIR' };

    await note(streamId, 'first', { authorize: async () => ({ actor }), metadata: { now: '2026-12-07T10:00:00.000Z', commandId: 'c-2', actor: claimed } });

    expect((await store.readStream(streamId))[0].metadata.actor).toEqual(actor);
  });

  it('appends nothing for a command that decides nothing, and answers with the revision it read', async () => {
    const streamId = `note-${randomUUID()}`;
    await note(streamId, 'first');

    const result = await note(streamId, '   ');

    expect(result).toEqual({ events: [], state: ['first'], revision: 0n, position: undefined });
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});
