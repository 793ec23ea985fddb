import { DataSource } from 'typeorm';
import { followUpStream, OwnerRenamed, ownerStream } from '@send/domain';
import { renamedColumns } from '../owner-records/owner-rename';
import { UpcastingEventStore, RecordedEvent } from '@send/event-store';
import { eventsInOrderAt } from '../as-at/known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { FollowUpChange, followUpChanges, isFollowUpEvent } from './follow-up-changes';
import { FollowUpNoteEntity } from './follow-up-note.entity';
import { FollowUpEntity } from './follow-up.entity';

/** A plan's meeting action log as it stood at an instant, in the read model's row shapes. */
export interface ActionLogView {
  /** Soonest due first, then oldest raised. */
  followUps: FollowUpEntity[];
  notes: FollowUpNoteEntity[];
  /** The newest store position folded in, or null when nothing had been asked for yet. */
  lastPosition: bigint | null;
}

/** Which follow-up streams belong to a plan. Streams are never removed, so any index that has seen them will do. */
export type FollowUpStreamIndex = (planId: string) => Promise<string[]>;

/** The running api's index: its read models. */
export const readModelFollowUpIndex =
  (dataSource: DataSource): FollowUpStreamIndex =>
  async (planId) =>
    (await dataSource.getRepository(FollowUpEntity).find({ select: { followUpId: true }, where: { planId } })).map((f) => f.followUpId);

/** An operator tool's index: one scan of the store, needing no read models. */
export function eventStoreFollowUpIndex(store: UpcastingEventStore): FollowUpStreamIndex {
  let scanned: Promise<Map<string, string[]>> | undefined;
  return async (planId) => {
    scanned ??= store.readAll().then((events) => {
      const byPlan = new Map<string, string[]>();
      for (const e of events) {
        const { planId: plan, followUpId } = e.data as { planId?: string; followUpId?: string };
        if (e.type === 'FollowUpRaised' && plan && followUpId) byPlan.set(plan, [...(byPlan.get(plan) ?? []), followUpId]);
      }
      return byPlan;
    });
    return (await scanned).get(planId) ?? [];
  };
}

function apply(followUps: Map<string, FollowUpEntity>, notes: FollowUpNoteEntity[], change: FollowUpChange): void {
  switch (change.kind) {
    case 'followUpRaised':
      followUps.set(change.row.followUpId, change.row);
      return;
    case 'followUpChanged': {
      const row = followUps.get(change.followUpId);
      if (row) followUps.set(change.followUpId, { ...row, ...change.changes });
      return;
    }
    case 'noteAdded':
      notes.push(change.row);
      return;
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/**
 * The action log folded from its follow-ups' streams (and the streams of owners renamed) up to
 * `asAt`, in global order, by the same `followUpChanges` the live projection applies, and a rename
 * as the owner projection writes it: with every event, the projection's rows.
 */
export function actionLogAt(streams: RecordedEvent[][], asAt: string): ActionLogView {
  const events = eventsInOrderAt(streams, asAt);
  const followUps = new Map<string, FollowUpEntity>();
  const notes: FollowUpNoteEntity[] = [];
  for (const recorded of events) {
    const event = toProjectedEvent(recorded);
    if (event.type === 'OwnerRenamed') {
      const renamed = event.data as OwnerRenamed['data'];
      for (const [id, row] of followUps) if (row.ownerId === renamed.ownerId) followUps.set(id, { ...row, ...renamedColumns(renamed) });
      continue;
    }
    if (!isFollowUpEvent(event)) continue;
    const before = event.type === 'FollowUpRaised' ? undefined : followUps.get(event.data.followUpId);
    for (const change of followUpChanges(before, event)) apply(followUps, notes, change);
  }
  const order = (a: FollowUpEntity, b: FollowUpEntity) => a.dueDate.localeCompare(b.dueDate) || a.raisedAt.localeCompare(b.raisedAt) || a.followUpId.localeCompare(b.followUpId);
  return { followUps: [...followUps.values()].sort(order), notes, lastPosition: events.length === 0 ? null : events[events.length - 1].position };
}

/** Reads a plan's meeting action log from the event store, as it stood at any instants. */
export class ActionLogHistory {
  constructor(
    private readonly index: FollowUpStreamIndex,
    private readonly store: UpcastingEventStore,
    /** Owners renamed (readModelRenamedOwners, eventStoreRenamedOwners); without it, names stay as the follow-ups recorded them. */
    private readonly renamedOwners: () => Promise<string[]> = async () => [],
  ) {}

  async logsAt(planId: string, instants: string[]): Promise<ActionLogView[]> {
    const [followUpIds, ownerIds] = await Promise.all([this.index(planId), this.renamedOwners()]);
    const streams = await Promise.all([...followUpIds.map((id) => this.store.readStream(followUpStream(id))), ...ownerIds.map((id) => this.store.readStream(ownerStream(id)))]);
    return instants.map((asAt) => actionLogAt(streams, asAt));
  }
}
