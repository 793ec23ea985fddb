import { commandIdFingerprint, StreamStateCache } from './stream-state-cache';

const evolve = (total: { n: number }, by: number) => ({ n: total.n + by });
const folded = (n: number, revision: bigint, commandIds: number[] = []) => ({ state: { n }, revision, commandIds: new Set(commandIds), evolve });

describe('StreamStateCache', () => {
  it('forgets the least recently used streams once its entries pass its size', () => {
    const one = new StreamStateCache();
    one.set('probe', folded(1, 0n));
    const entry = one.sizeInBytes;
    const cache = new StreamStateCache(entry * 2);
    cache.set('a', folded(1, 0n));
    cache.set('b', folded(2, 0n));
    cache.get('a', evolve);
    cache.set('c', folded(3, 0n));

    expect(cache.get('b', evolve)).toBeUndefined();
    expect(cache.get('a', evolve)?.state).toEqual({ n: 1 });
    expect(cache.get('c', evolve)?.state).toEqual({ n: 3 });
    expect(cache.size).toBe(2);
    expect(cache.sizeInBytes).toBeLessThanOrEqual(entry * 2);
  });

  it('hands out copies, so nothing a caller does to a state or its command ids changes what is cached', () => {
    const cache = new StreamStateCache();
    cache.set('a', folded(1, 0n, [7]));
    const first = cache.get<{ n: number }>('a', evolve)!;
    first.state.n = 99;
    first.commandIds.add(8);

    expect(cache.get('a', evolve)).toMatchObject({ state: { n: 1 }, revision: 0n, commandIds: new Set([7]) });
  });

  it('keeps the newer fold when an older one arrives late', () => {
    const cache = new StreamStateCache();
    cache.set('a', folded(5, 4n));
    cache.set('a', folded(3, 2n));
    expect(cache.get('a', evolve)).toMatchObject({ state: { n: 5 }, revision: 4n });
    cache.set('a', folded(6, 5n));
    expect(cache.get('a', evolve)).toMatchObject({ state: { n: 6 }, revision: 5n });
  });

  it('never hands a stream folded one way to another fold', () => {
    const cache = new StreamStateCache();
    cache.set('a', folded(1, 0n));
    expect(cache.get('a', (total: { n: number }) => total)).toBeUndefined();
  });

  it('holds nothing when its size is zero, and counts only what it holds', () => {
    const cache = new StreamStateCache(0);
    cache.set('a', folded(1, 0n));
    expect(cache.get('a', evolve)).toBeUndefined();
    expect(cache.sizeInBytes).toBe(0);
  });

  it('fingerprints command ids to 32-bit values that differ for near-identical ids', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const fingerprints = new Set(ids.map(commandIdFingerprint));
    expect(fingerprints.size).toBe(ids.length);
    expect([...fingerprints].every((f) => Number.isInteger(f) && f >= 0 && f < 2 ** 32)).toBe(true);
  });
});
