import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ChainBreak, ChainHead, EventStore, GlobalPosition, RecordedEvent, verifyEventStore } from '@send/event-store';
import { PlanEntity, readModelStreamIndex, TimelineEntryEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ChainBreakModel } from './models/chain-break.model';
import { HistoryVerificationModel } from './models/history-verification.model';
import { firstTimelineMismatch } from './timeline-against-chain';

const headModel = (head: ChainHead | undefined) => head && { position: String(head.position), hash: head.hash };

@Injectable()
export class HistoryVerificationService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Verifies the whole store for a caller who may see `plan` (checked by the caller). */
  async verify(plan: PlanEntity, heads: ChainHead[]): Promise<HistoryVerificationModel> {
    const index = readModelStreamIndex(this.dataSource);
    const [actionIds, meetingIds, metricIds] = await Promise.all([index.actionIds(plan.planId), index.meetingIds(plan.planId), index.metricIds(plan.planId)]);
    const planStreams = new Set([`plan-${plan.planId}`, ...actionIds.map((id) => `action-${id}`), ...meetingIds.map((id) => `meeting-${id}`), ...metricIds.map((id) => `metric-${id}`)]);
    const timeline = actionIds.length === 0 ? [] : await this.dataSource.getRepository(TimelineEntryEntity).find({ where: { actionId: In(actionIds) } });
    const timelinePositions = new Set(timeline.map((row) => row.position));
    const timelineEvents = new Map<GlobalPosition, RecordedEvent>();
    let planHead: ChainHead | undefined;

    const checkedAt = this.clock.now();
    const verification = await verifyEventStore(this.store, {
      heads,
      acceptUnchainedHistory: this.config.eventStore.type === 'esdb',
      onEvent: (event, globalHash) => {
        if (planStreams.has(event.streamId)) planHead = { position: event.position, hash: globalHash };
        if (timelinePositions.has(event.position)) timelineEvents.set(event.position, event);
      },
    });
    const mismatch = await firstTimelineMismatch(timeline, timelineEvents);
    return {
      ok: verification.ok && !mismatch,
      checkedAt,
      eventsChecked: verification.eventsChecked,
      streamsChecked: verification.streamsChecked,
      head: headModel(verification.head),
      planHead: headModel(planHead),
      firstBreak: verification.firstBreak && visibleBreak(verification.firstBreak, planStreams),
      heads: verification.heads.map((head) => ({ position: String(head.position), hash: head.hash, matches: head.matches })),
      readModel: { rowsChecked: timeline.length, firstMismatch: mismatch && { ...mismatch, position: String(mismatch.position) } },
    };
  }
}

/** Tenancy: a break in a stream outside the caller's plan is reported by position and kind only. */
function visibleBreak(found: ChainBreak, planStreams: Set<string>): ChainBreakModel {
  const inThisPlan = found.streamId !== undefined && planStreams.has(found.streamId);
  if (inThisPlan || found.streamId === undefined) {
    return { kind: found.kind, position: String(found.position), inThisPlan, streamId: found.streamId, revision: found.revision === undefined ? undefined : Number(found.revision), eventId: found.eventId, message: found.message };
  }
  return { kind: found.kind, position: String(found.position), inThisPlan, message: `The history breaks at position ${found.position} (${found.kind}), in a stream outside this plan.` };
}
