import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TimelineEntryEntity } from '@send/read-models';

@ObjectType('FieldChange')
export class FieldChangeModel {
  @Field() field: string;
  @Field(() => String, { nullable: true }) from: string | null;
  @Field(() => String, { nullable: true }) to: string | null;
}

@ObjectType('Actor', { description: 'Who made a change.' })
export class ActorModel {
  @Field() userId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) role: string | null;
}

@ObjectType('TimelineEntry', { description: "One event in an action's history." })
export class TimelineEntryModel {
  @Field({ description: 'When it happened (ISO instant).' }) at: string;
  @Field({ description: 'When the store recorded it (ISO instant).' }) recordedAt: string;
  @Field(() => Int, { nullable: true, description: "The action's revision after this change; null for board decisions." })
  revision: number | null;
  @Field(() => ID, { nullable: true, description: 'The board meeting a decision was minuted at.' }) meetingId: string | null;
  @Field() eventType: string;
  @Field(() => Int, { nullable: true, description: 'For a ProgressCorrected: the revision of the update it supersedes.' })
  supersedesRevision: number | null;
  @Field(() => Int, { nullable: true, description: 'For an update that was later corrected: the revision of the correction that supersedes it.' })
  supersededByRevision: number | null;
  @Field() summary: string;
  @Field(() => [FieldChangeModel]) changes: FieldChangeModel[];
  @Field(() => ActorModel, { nullable: true }) actor: ActorModel | null;
  @Field(() => String, { nullable: true }) correlationId: string | null;
}

/**
 * Links each corrected update to its correction, both ways: from the entries themselves, or, for a
 * page of them, from `by` (every correction in the timeline, which may be on another page).
 */
export function withSupersededBy(entries: Omit<TimelineEntryModel, 'supersededByRevision'>[], by?: Map<number, number>): TimelineEntryModel[] {
  const corrections = by ?? new Map(entries.filter((e) => e.supersedesRevision !== null && e.revision !== null).map((e) => [e.supersedesRevision!, e.revision!]));
  return entries.map((e) => ({ ...e, supersededByRevision: e.revision === null ? null : (corrections.get(e.revision) ?? null) }));
}

/** A timeline line as the API shows it, whether read from the read database or folded for an earlier instant. */
export function toTimelineEntryModels(lines: TimelineEntryEntity[], supersededBy?: Map<number, number>): TimelineEntryModel[] {
  return withSupersededBy(
    lines.map((t) => ({
      at: t.occurredAt,
      recordedAt: t.recordedAt,
      revision: t.revision,
      meetingId: t.meetingId,
      eventType: t.eventType,
      supersedesRevision: t.supersedesRevision,
      summary: t.summary,
      changes: t.changes,
      actor: t.actorUserId ? { userId: t.actorUserId, name: t.actorName, role: t.actorRole } : null,
      correlationId: t.correlationId,
    })),
    supersededBy,
  );
}
