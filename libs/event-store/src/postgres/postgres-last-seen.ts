import { LeastRecentlyUsed } from '../least-recently-used';
import { LogHead, StreamTip } from './postgres-statements';

/** Enough for every stream a busy board touches in a day; the least recently used is forgotten first. */
const MAX_STREAMS = 20_000;

/**
 * What this process last saw of the log's head and of streams' tips: only a guess, which the
 * one-statement append checks against the database before it writes anything. A wrong guess
 * (another instance wrote meanwhile) costs a retry, never a wrong write.
 */
export class PostgresLastSeen {
  head: Pick<LogHead, 'position' | 'globalHash'> | undefined;
  private readonly tips = new LeastRecentlyUsed<string, StreamTip>(MAX_STREAMS);

  tip(streamId: string): StreamTip | undefined {
    return this.tips.get(streamId);
  }

  setTip(streamId: string, tip: StreamTip): void {
    this.tips.set(streamId, tip);
  }

  /** From a read: kept only if newer than what was seen, since a read may have started before this process's own append. */
  sawTip(streamId: string, tip: StreamTip): void {
    const known = this.tips.get(streamId);
    if (!known || tip.revision > known.revision) this.setTip(streamId, tip);
  }

  forget(streamIds: Iterable<string>): void {
    this.head = undefined;
    for (const streamId of streamIds) this.tips.delete(streamId);
  }
}
