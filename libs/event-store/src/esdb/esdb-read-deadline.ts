import { readTimedOut } from './esdb-failures';

/**
 * Everything a read yields, or an "unavailable" error once `timeoutMs` has passed. The client's
 * reads (through its native bridge) take no deadline of their own, so a server that stops
 * answering would otherwise hold the request, and the projections, for good.
 */
export async function readWithin<T>(read: AsyncIterable<T>, timeoutMs: number, what: string): Promise<T[]> {
  const iterator = read[Symbol.asyncIterator]();
  const found: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(readTimedOut(what, timeoutMs)), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), deadline]);
      if (next.done) return found;
      found.push(next.value);
    }
  } catch (error) {
    // Ends the gRPC read rather than leave it open; not awaited, since the server may never answer.
    void iterator.return?.()?.catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
