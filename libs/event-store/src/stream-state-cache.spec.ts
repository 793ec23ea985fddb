import { commandIdFingerprint, StreamStateCache } from './stream-state-cache';

const evolve = (total: number, by: number) => total + by;
const folded = (state: number, revision: bigint) => ({ state, revision, commandIds: new Set<number>(), evolve });

describe('StreamStateCache', () => {
  it('forgets the least recently used stream once it holds its maximum', () => {
    const cache = new StreamStateCache(2);
    cache.set('a', folded(1, 0n));
    cache.set('b', folded(2, 0n));
    cache.get('a', evolve);
    cache.set('c', folded(3, 0n));

    expect(cache.get('b', evolve)).toBeUndefined();
    expect(cache.get('a', evolve)?.state).toBe(1);
    expect(cache.get('c', evolve)?.state).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps the newer fold when an older one arrives late', () => {
    const cache = new StreamStateCache();
    cache.set('a', folded(5, 4n));
    cache.set('a', folded(3, 2n));
    expect(cache.get('a', evolve)).toMatchObject({ state: 5, revision: 4n });
    cache.set('a', folded(6, 5n));
    expect(cache.get('a', evolve)).toMatchObject({ state: 6, revision: 5n });
  });

  it('never hands a stream folded one way to another fold', () => {
    const cache = new StreamStateCache();
    cache.set('a', folded(1, 0n));
    expect(cache.get('a', (total: number) => total)).toBeUndefined();
  });

  it('holds nothing when its maximum is zero', () => {
    const cache = new StreamStateCache(0);
    cache.set('a', folded(1, 0n));
    expect(cache.get('a', evolve)).toBeUndefined();
  });

  it('fingerprints command ids to 32-bit values that differ for near-identical ids', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const fingerprints = new Set(ids.map(commandIdFingerprint));
    expect(fingerprints.size).toBe(ids.length);
    expect([...fingerprints].every((f) => Number.isInteger(f) && f >= 0 && f < 2 ** 32)).toBe(true);
  });
});
