export * from './event-store.port';
export * from './expected-revision';
export * from './wrong-expected-revision.error';
export * from './event-store-unavailable.error';
export * from './catch-up-subscription';
export * from './sqlite/sqlite-event-store';
export * from './handle-command';
export * from './deterministic-uuid';
