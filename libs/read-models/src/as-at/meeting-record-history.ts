import { DataSource } from 'typeorm';
import { meetingStream } from '@send/domain';
import { RecordedEvent, UpcastingEventStore } from '@send/event-store';
import { eventsInOrderAt } from './known-at';
import { toProjectedEvent } from '../projection/projection-runner';
import { DecisionEntity } from '../meetings/decision.entity';
import { isMeetingEvent, MeetingChange, meetingChanges } from '../meetings/meeting-changes';
import { MeetingEntity } from '../meetings/meeting.entity';
import { PlanDecisionEntity } from '../meetings/plan-decision.entity';

/** A plan's meetings and what they decided, as they stood at an instant, in the read model's row shapes. */
export interface MeetingRecordView {
  /** By date, then id: the order the live read gives. */
  meetings: MeetingEntity[];
  /** In the order recorded. */
  decisions: DecisionEntity[];
  planDecisions: PlanDecisionEntity[];
}

/** Which meeting streams belong to a plan. Streams are never removed, so any index that has seen them will do. */
export type MeetingStreamIndex = (planId: string) => Promise<string[]>;

/** The running api's index: its read models. */
export const readModelMeetingIndex =
  (dataSource: DataSource): MeetingStreamIndex =>
  async (planId) =>
    (await dataSource.getRepository(MeetingEntity).find({ select: { meetingId: true }, where: { planId } })).map((m) => m.meetingId);

interface Rows {
  meetings: Map<string, MeetingEntity>;
  decisions: DecisionEntity[];
  planDecisions: PlanDecisionEntity[];
}

function apply(rows: Rows, change: MeetingChange): void {
  switch (change.kind) {
    case 'meetingScheduled':
      rows.meetings.set(change.row.meetingId, change.row);
      return;
    case 'meetingChanged': {
      const meeting = rows.meetings.get(change.meetingId);
      if (meeting) rows.meetings.set(change.meetingId, { ...meeting, ...change.changes });
      return;
    }
    case 'decisionRecorded':
      rows.decisions.push(change.row);
      return;
    case 'planDecisionRecorded':
      rows.planDecisions.push(change.row);
      return;
    default: {
      const unhandled: never = change;
      return unhandled;
    }
  }
}

/**
 * The meetings folded from their streams up to `asAt` (what had been recorded by then), in global
 * order, by the same `meetingChanges` the live projection applies.
 */
export function meetingRecordAt(streams: RecordedEvent[][], asAt: string): MeetingRecordView {
  const events = eventsInOrderAt(streams, asAt);
  const rows: Rows = { meetings: new Map(), decisions: [], planDecisions: [] };
  for (const recorded of events) {
    const event = toProjectedEvent(recorded);
    if (isMeetingEvent(event)) apply(rows, meetingChanges(event));
  }
  const byRecorded = <T extends { recordedAt: string; decisionId: string }>(a: T, b: T) => a.recordedAt.localeCompare(b.recordedAt) || a.decisionId.localeCompare(b.decisionId);
  return {
    meetings: [...rows.meetings.values()].sort((a, b) => a.date.localeCompare(b.date) || a.meetingId.localeCompare(b.meetingId)),
    decisions: rows.decisions.sort(byRecorded),
    planDecisions: rows.planDecisions.sort(byRecorded),
  };
}

/** Reads a plan's meetings from the event store, as they stood at any instants. */
export class MeetingRecordHistory {
  constructor(
    private readonly index: MeetingStreamIndex,
    private readonly store: UpcastingEventStore,
  ) {}

  async recordsAt(planId: string, instants: string[]): Promise<MeetingRecordView[]> {
    const streams = await Promise.all((await this.index(planId)).map((id) => this.store.readStream(meetingStream(id))));
    return instants.map((asAt) => meetingRecordAt(streams, asAt));
  }
}
