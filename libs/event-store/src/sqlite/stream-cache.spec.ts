import { RecordedEvent } from '../event-store.port';
import { StreamCache } from './stream-cache';

const events = (streamId: string, count: number): RecordedEvent[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${streamId}-${i}`, streamId, revision: BigInt(i), position: BigInt(i + 1), type: 'T', data: {}, metadata: { schemaVersion: 1, occurredAt: '2026-01-01T00:00:00.000Z' }, recordedAt: '2026-01-01T00:00:00.000Z' }));

describe('StreamCache', () => {
  it('keeps streams up to its size in events, dropping the least recently read first', () => {
    const cache = new StreamCache(10);
    cache.set('a', events('a', 4));
    cache.set('b', events('b', 4));
    cache.get('a');
    cache.set('c', events('c', 4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toHaveLength(4);
    expect(cache.get('c')).toHaveLength(4);
  });

  it('counts a stream once when it grows, and never keeps one larger than itself', () => {
    const cache = new StreamCache(10);
    cache.set('a', events('a', 4));
    cache.set('a', events('a', 8));
    cache.set('b', events('b', 2));
    expect(cache.get('a')).toHaveLength(8);
    expect(cache.get('b')).toHaveLength(2);
    cache.set('huge', events('huge', 11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toHaveLength(8);
  });
});
