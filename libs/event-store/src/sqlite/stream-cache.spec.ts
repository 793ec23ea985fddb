import { RecordedEvent } from '../event-store.port';
import { StreamCache } from './stream-cache';

const events = (streamId: string, count: number): RecordedEvent[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${streamId}-${i}`, streamId, revision: BigInt(i), position: BigInt(i + 1), type: 'T', data: {}, metadata: { schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z' }, recordedAt: '2026-01-01T00:00:00.000Z' }));

describe('StreamCache', () => {
  it('keeps streams up to its size in events, dropping the least recently read first', () => {
    const cache = new StreamCache(10);
    cache.set('a', events('a', 4), 1);
    cache.set('b', events('b', 4), 1);
    cache.get('a');
    cache.set('c', events('c', 4), 1);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.events).toHaveLength(4);
    expect(cache.get('c')?.events).toHaveLength(4);
  });

  it('counts a stream once when it grows, and never keeps one larger than itself', () => {
    const cache = new StreamCache(10);
    cache.set('a', events('a', 4), 1);
    cache.set('a', events('a', 8), 1);
    cache.set('b', events('b', 2), 1);
    expect(cache.get('a')?.events).toHaveLength(8);
    expect(cache.get('b')?.events).toHaveLength(2);
    cache.set('huge', events('huge', 11), 1);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')?.events).toHaveLength(8);
  });

  it('adds the events the store appended only when they follow on from what it holds', () => {
    const cache = new StreamCache(100);
    const all = events('a', 5);
    cache.set('a', all.slice(0, 3), 7);
    cache.appended('a', all.slice(3));
    expect(cache.get('a')).toEqual({ events: all, checkedAt: 7 });
    cache.appended('a', events('a', 7).slice(6)); // revision 5 is missing: the cached stream is dropped
    expect(cache.get('a')).toBeUndefined();
    cache.appended('b', events('b', 1)); // never read: nothing to add to
    expect(cache.get('b')).toBeUndefined();
  });
});
