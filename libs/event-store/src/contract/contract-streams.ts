/**
 * Every stream the contract writes starts with this, and no stream of the app does: an adapter
 * that keeps to its own prefixes (EventStoreDB) is given this one alone, so the tests neither see
 * the app's events nor leave theirs where the app reads.
 */
export const CONTRACT_STREAM_PREFIX = 'contract-';
