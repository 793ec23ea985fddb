import { DataSource, IsNull, Not } from 'typeorm';
import { UpcastingEventStore } from '@send/event-store';
import { actionStream, CalendarDate, dependencyNetworkStream, meetingStream, metricStream, ownerStream, planStream } from '@send/domain';
import { ActionEntity } from '../actions/action.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { MetricEntity } from '../scorecard/metric.entity';
import { OwnerRecordEntity } from '../owner-records/owner-record.entity';
import { PlanView, planViewAt } from './plan-view';
import { AsAtCache, viewsFromSnapshots } from './snapshot-fold';

export interface ClosedMeeting {
  meetingId: string;
  date: string;
  title: string;
  closedAt: string;
}

/** Which action and meeting streams hold a plan's history. Streams are never removed, so any index that has seen them will do. */
export interface PlanStreamIndex {
  actionIds(planId: string): Promise<string[]>;
  meetingIds(planId: string): Promise<string[]>;
  metricIds(planId: string): Promise<string[]>;
  /** Owners whose own stream holds a rename, in any plan: few, and a rename changes only the rows naming that owner. */
  renamedOwnerIds(): Promise<string[]>;
}

/** The read models' list of owners ever renamed. */
export const readModelRenamedOwners = (dataSource: DataSource) => async (): Promise<string[]> =>
  (await dataSource.getRepository(OwnerRecordEntity).find({ select: { ownerId: true }, where: { renamedAt: Not(IsNull()) } })).map((o) => o.ownerId);

/** The same from one scan of the store. */
export const eventStoreRenamedOwners = (store: UpcastingEventStore) => async (): Promise<string[]> =>
  [...new Set((await store.readAll()).filter((e) => e.type === 'OwnerRenamed').map((e) => (e.data as { ownerId: string }).ownerId))];

/** The running api's index: its read models. */
export function readModelStreamIndex(dataSource: DataSource): PlanStreamIndex {
  return {
    actionIds: async (planId) => (await dataSource.getRepository(ActionEntity).find({ select: { actionId: true }, where: { planId } })).map((a) => a.actionId),
    meetingIds: async (planId) => (await dataSource.getRepository(MeetingEntity).find({ select: { meetingId: true }, where: { planId } })).map((m) => m.meetingId),
    metricIds: async (planId) => (await dataSource.getRepository(MetricEntity).find({ select: { metricId: true }, where: { planId } })).map((m) => m.metricId),
    renamedOwnerIds: readModelRenamedOwners(dataSource),
  };
}

/** An operator tool's index: one scan of the store, so it needs no read models and never races the api's projections. */
export function eventStoreStreamIndex(store: UpcastingEventStore): PlanStreamIndex {
  let scanned: Promise<Record<'actions' | 'meetings' | 'metrics', Map<string, string[]>> & { renamed: Set<string> }> | undefined;
  const scan = () =>
    (scanned ??= store.readAll().then((events) => {
      const actions = new Map<string, string[]>();
      const meetings = new Map<string, string[]>();
      const metrics = new Map<string, string[]>();
      const renamed = new Set<string>();
      for (const e of events) {
        const data = e.data as { planId?: string; actionId?: string; meetingId?: string; metricId?: string };
        if (e.type === 'ActionAdded' && data.planId && data.actionId) actions.set(data.planId, [...(actions.get(data.planId) ?? []), data.actionId]);
        if (e.type === 'MeetingScheduled' && data.planId && data.meetingId) meetings.set(data.planId, [...(meetings.get(data.planId) ?? []), data.meetingId]);
        if (e.type === 'MetricDefined' && data.planId && data.metricId) metrics.set(data.planId, [...(metrics.get(data.planId) ?? []), data.metricId]);
        if (e.type === 'OwnerRenamed') renamed.add((e.data as { ownerId: string }).ownerId);
      }
      return { actions, meetings, metrics, renamed };
    }));
  return {
    actionIds: async (planId) => (await scan()).actions.get(planId) ?? [],
    meetingIds: async (planId) => (await scan()).meetings.get(planId) ?? [],
    metricIds: async (planId) => (await scan()).metrics.get(planId) ?? [],
    renamedOwnerIds: async () => [...(await scan()).renamed],
  };
}

/** Reads a plan's history from the event store; every fact in a view comes from the events themselves. */
export class PlanHistory {
  constructor(
    /** Public for the report's corrections since sign-off, which read the plan's action and metric streams. */
    readonly index: PlanStreamIndex,
    private readonly store: UpcastingEventStore,
    /** The running api's snapshots and folded views; an operator tool folds each view from the start. */
    private readonly cache?: AsAtCache,
  ) {}

  /** The plan as it stood at the instant, or undefined if it did not exist yet. */
  async viewAt(planId: string, asAt: string): Promise<PlanView | undefined> {
    return (await this.viewsAt(planId, [asAt]))[0];
  }

  /**
   * The plan at several instants from one read of its streams (a period's two ends, each closed round), with corrections recorded by `knownAt` (default: each instant itself);
   * with `asOfDate`, each is the business-date view of that day. With a cache, folded on from snapshots and kept (see viewsFromSnapshots).
   */
  async viewsAt(planId: string, instants: string[], knownAt?: string, asOfDate?: CalendarDate): Promise<(PlanView | undefined)[]> {
    const [actionIds, meetingIds, metricIds, ownerIds] = await Promise.all([
      this.index.actionIds(planId),
      this.index.meetingIds(planId),
      this.index.metricIds(planId),
      this.index.renamedOwnerIds(),
    ]);
    const streamIds = [
      planStream(planId),
      ...actionIds.map(actionStream),
      ...meetingIds.map(meetingStream),
      ...metricIds.map(metricStream),
      dependencyNetworkStream(planId),
      ...ownerIds.map(ownerStream),
    ];
    if (this.cache) {
      // A whole stream is read as commands read it, so SQLite's cache of recent streams serves the next whole read too.
      const read = (streamId: string, held: number) => this.store.readStream(streamId, held === 0 ? {} : { after: BigInt(held - 1) });
      return viewsFromSnapshots(read, planId, streamIds, instants, knownAt, asOfDate, this.cache);
    }
    const streams = await Promise.all(streamIds.map((id) => this.store.readStream(id)));
    return instants.map((asAt) => planViewAt(streams, asAt, knownAt ?? asAt, asOfDate ?? null));
  }

  /** When the plan was created, or undefined if there is no such plan. */
  async planCreatedAt(planId: string): Promise<string | undefined> {
    const [created] = await this.store.readStream(planStream(planId));
    return created?.metadata.occurredAt;
  }

  /** The plan's meetings that have closed, in the order they closed. */
  async closedMeetings(planId: string): Promise<ClosedMeeting[]> {
    const meetings = await Promise.all(
      (await this.index.meetingIds(planId)).map(async (meetingId) => {
        const events = await this.store.readStream(meetingStream(meetingId));
        const scheduled = events.find((e) => e.type === 'MeetingScheduled')?.data as { date: string; title: string } | undefined;
        const closedAt = events.find((e) => e.type === 'MeetingClosed')?.metadata.occurredAt;
        return scheduled && closedAt ? { meetingId, date: scheduled.date, title: scheduled.title, closedAt } : undefined;
      }),
    );
    return meetings
      .filter((m): m is ClosedMeeting => m !== undefined)
      .sort((a, b) => (a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : a.meetingId < b.meetingId ? -1 : 1));
  }

  /** When a meeting closed, or undefined while it is still open. */
  async meetingClosedAt(meetingId: string): Promise<string | undefined> {
    return (await this.store.readStream(meetingStream(meetingId))).find((e) => e.type === 'MeetingClosed')?.metadata.occurredAt;
  }
}
