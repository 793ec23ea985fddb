import { CommandMetadata, currentVersionOf, DomainEvent, schemaVersionOf } from '@send/domain';
import { Decider, EventStore, foldStream, GlobalPosition, handleCommand, upcastOnRead } from '@send/event-store';
import { PeerStore } from './peer-store';

/**
 * One of our event stores under the peers' workload: handleCommand straight on the store
 * (upcasting on read, as the app's does), no app, no projections, so it compares with the Emmett
 * stores figure for figure.
 */
export function ownPeerStore(name: string, durability: string, eventStore: EventStore): PeerStore {
  const store = upcastOnRead(eventStore, currentVersionOf);
  return {
    name,
    durability,
    retried: () => 0,
    handle: <C, E extends DomainEvent, S, X>(streamId: string, decider: Decider<C, E, S, CommandMetadata, X>, command: C, metadata: CommandMetadata, context: X) =>
      handleCommand<C, E, S, CommandMetadata, X>(store, streamId, decider, command, { metadata, context, schemaVersionOf }),
    async fold(streamId, decider) {
      return (await foldStream(store, streamId, decider)).state;
    },
    async readAll(batchSize) {
      let after: GlobalPosition | undefined;
      let events = 0;
      for (;;) {
        const batch = await store.readAll({ after, maxCount: batchSize });
        if (batch.length === 0) return events;
        events += batch.length;
        after = batch[batch.length - 1].position;
      }
    },
    close: () => store.close(),
  };
}
