import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ChainBreak, ChainHead, ChainIntegrity, EventStore, IncrementalChainVerifier, RecordedEvent, withoutReadChecks } from '@send/event-store';
import { actionStream, dependencyNetworkStream, meetingStream, metricStream, planStream } from '@send/domain';
import { PlanEntity, readModelStreamIndex, TimelineEntryEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { CHAIN_INTEGRITY, EVENT_STORE } from '../infrastructure/event-store.provider';
import { Metrics } from '../observability/metrics';
import { ChainBreakModel } from './models/chain-break.model';
import { HistoryVerificationModel } from './models/history-verification.model';
import { firstTimelineMismatch } from './timeline-against-chain';
import { nextStepsAfterBreak } from './after-a-break';

const headModel = (head: ChainHead | undefined) => head && { position: String(head.position), hash: head.hash };

@Injectable()
export class HistoryVerificationService {
  /** One per process: the first check hashes the whole store, later ones only what was appended since. */
  private readonly chains: IncrementalChainVerifier;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
  ) {
    this.chains = new IncrementalChainVerifier(store, { acceptUnchainedHistory: config.eventStore.type === 'esdb' });
  }

  /** The streams whose events make up a plan's history: a break in one of them may be named to the plan's people. */
  private async planStreams(plan: PlanEntity): Promise<{ streams: Set<string>; actionIds: string[]; meetingIds: string[] }> {
    const index = readModelStreamIndex(this.dataSource);
    const [actionIds, meetingIds, metricIds] = await Promise.all([index.actionIds(plan.planId), index.meetingIds(plan.planId), index.metricIds(plan.planId)]);
    const streams = new Set([planStream(plan.planId), ...actionIds.map(actionStream), ...meetingIds.map(meetingStream), ...metricIds.map(metricStream), dependencyNetworkStream(plan.planId)]);
    return { streams, actionIds, meetingIds };
  }

  /** A break as the plan's people may see it: stream and event only when they are the plan's. */
  async visibleTo(plan: PlanEntity, found: ChainBreak): Promise<ChainBreakModel> {
    return visibleBreak(found, (await this.planStreams(plan)).streams);
  }

  /**
   * Verifies the store for a caller who may see `plan` (checked by the caller): the events appended
   * since this process last verified it, or every event with `full` or heads to check.
   */
  async verify(plan: PlanEntity, heads: ChainHead[], full = false): Promise<HistoryVerificationModel> {
    const { streams: planStreams, actionIds, meetingIds } = await this.planStreams(plan);
    const network = dependencyNetworkStream(plan.planId);
    const timeline = actionIds.length === 0 ? [] : await this.dataSource.getRepository(TimelineEntryEntity).find({ where: { actionId: In(actionIds) } });

    const checkedAt = this.clock.now();
    const verification = await this.chains.verify({ full, heads, streams: planStreams });
    // The store's chain, and any heads given: the plan's timeline against it is the caller's concern, not IT's.
    this.metrics.recordVerification(verification.ok, verification.head?.position, new Date());
    // What a person's check finds is the server's incident too: answers get marked, writes stop.
    if (verification.firstBreak?.streamId !== undefined) this.integrity.broken(verification.firstBreak, checkedAt);
    // Only a check of the whole history may say it verifies again; one that went on from an earlier check saw only what was appended since.
    else if (verification.ok && verification.resumedAfter === undefined) this.integrity.verified(verification.head, checkedAt);
    // Timeline lines come from the plan's action streams, its meetings' decisions and its dependency network.
    const timelineEvents = new Map<bigint, RecordedEvent>();
    if (timeline.length > 0) {
      const sources = [...actionIds.map(actionStream), ...meetingIds.map(meetingStream), network];
      // Once the chain is known broken, the events as stored, forgery and all: the comparison names them as such (inEventStore).
      const source = verification.ok ? this.store : withoutReadChecks(this.store);
      for (const events of await Promise.all(sources.map((streamId) => source.readStream(streamId)))) {
        for (const event of events) timelineEvents.set(event.position, event);
      }
    }
    const mismatch = await firstTimelineMismatch(timeline, timelineEvents, verification.ok);
    return {
      ok: verification.ok && !mismatch,
      checkedAt,
      eventsChecked: verification.eventsChecked,
      eventsHashed: verification.eventsHashed,
      resumedAfter: verification.resumedAfter === undefined ? undefined : String(verification.resumedAfter),
      streamsChecked: verification.streamsChecked,
      // Heads to keep only from a chain that holds: one from a broken chain would bless forged data.
      head: verification.ok ? headModel(verification.head) : undefined,
      planHead: verification.ok ? headModel(verification.streamsHead) : undefined,
      firstBreak: verification.firstBreak && visibleBreak(verification.firstBreak, planStreams),
      nextSteps: verification.firstBreak ? nextStepsAfterBreak(verification.firstBreak.position, verification.firstBreak.kind) : [],
      heads: verification.heads.map((head) => ({ position: String(head.position), hash: head.hash, matches: head.matches })),
      readModel: { rowsChecked: timeline.length, firstMismatch: mismatch && { ...mismatch, position: String(mismatch.position), stored: mismatch.inReadModel, expected: mismatch.inEventStore } },
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
