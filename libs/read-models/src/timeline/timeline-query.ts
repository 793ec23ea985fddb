import { DataSource, LessThan, Not, IsNull } from 'typeorm';
import { InvalidCursorError } from '../actions/action-query';
import { TimelineEntryEntity } from './timeline-entry.entity';

/** One page of an action's timeline, newest first. */
export interface TimelinePage {
  lines: TimelineEntryEntity[];
  /** Each line's cursor: the page after it starts with the next older line. */
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  /**
   * Each corrected update's revision, with the revision of the correction that supersedes it, from
   * the whole timeline: a correction is newer than what it corrects, so it may be on a page before this one.
   */
  supersededBy: Map<number, number>;
}

/** Cursors are opaque to clients; inside they are the global position of the last line served. */
export const encodeTimelineCursor = (line: Pick<TimelineEntryEntity, 'position'>) => Buffer.from(`t:${line.position}`).toString('base64url');

export function decodeTimelineCursor(cursor: string): bigint {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^t:\d{1,19}$/.test(raw)) throw new InvalidCursorError();
  return BigInt(raw.slice(2));
}

const supersededByOf = (corrections: Pick<TimelineEntryEntity, 'revision' | 'supersedesRevision'>[]) =>
  new Map(corrections.filter((c) => c.supersedesRevision !== null && c.revision !== null).map((c) => [c.supersedesRevision!, c.revision!]));

const pageOf = (rows: TimelineEntryEntity[], first: number, totalCount: number, supersededBy: Map<number, number>): TimelinePage => {
  const lines = rows.slice(0, first);
  return {
    lines,
    cursors: lines.map(encodeTimelineCursor),
    totalCount,
    hasNextPage: rows.length > first,
    endCursor: lines.length > 0 ? encodeTimelineCursor(lines[lines.length - 1]) : null,
    supersededBy,
  };
};

/** A page of an action's timeline from the read database: one indexed range read, whatever the timeline's length. */
export async function findTimelinePage(dataSource: DataSource, actionId: string, page: { first: number; after?: string | null }): Promise<TimelinePage> {
  const lines = dataSource.getRepository(TimelineEntryEntity);
  const before = page.after ? decodeTimelineCursor(page.after) : undefined;
  const [rows, totalCount, corrections] = await Promise.all([
    lines.find({ where: { actionId, ...(before === undefined ? {} : { position: LessThan(before) }) }, order: { position: 'DESC' }, take: page.first + 1 }),
    lines.countBy({ actionId }),
    lines.find({ select: { position: true, revision: true, supersedesRevision: true }, where: { actionId, supersedesRevision: Not(IsNull()) } }),
  ]);
  return pageOf(rows, page.first, totalCount, supersededByOf(corrections));
}

/** The same page from a timeline already in memory, oldest first (an action as at an instant). */
export function timelinePageOf(timeline: TimelineEntryEntity[], page: { first: number; after?: string | null }): TimelinePage {
  const before = page.after ? decodeTimelineCursor(page.after) : undefined;
  const newestFirst = [...timeline].reverse().filter((line) => before === undefined || line.position < before);
  return pageOf(newestFirst.slice(0, page.first + 1), page.first, timeline.length, supersededByOf(timeline));
}
