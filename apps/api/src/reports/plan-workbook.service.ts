import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conditionStream, fundingStream, highNeedsStream, londonDateOf, Principal, rolesIn } from '@send/domain';
import { RecordedEvent, UpcastingEventStore } from '@send/event-store';
import { fundingViewAt, highNeedsViewAt, PlanEntity, readModelConditionIndex, readModelRenamedOwners, readModelRiskIndex, RiskHistory, streamPrefixAt } from '@send/read-models';
import { AsAtService } from '../as-at/as-at.service';
import { Clock } from '../common/clock';
import { ConditionReadService } from '../conditions/condition-read.service';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { buildPlanWorkbook } from './plan-workbook';
import { phrase } from './workbook-cells';
import { withZipEntriesDated } from './zip-timestamps';

export interface ProducedWorkbook {
  fileName: string;
  content: Buffer;
}

interface Newest {
  position: bigint | null;
  occurredAt: string | null;
}

/** The newest of the events the workbook rests on, with when it occurred: positions only order events, so it is never looked up by one. */
const newest = (candidates: Newest[]): Newest =>
  candidates.reduce((a, b) => (b.position === null ? a : a.position === null || b.position > a.position ? b : a), { position: null, occurredAt: null });

/**
 * The whole plan as an XLSX workbook, folded from the event store at the request's instant. It
 * says it is "as known at" the newest event it rests on rather than the moment it was asked for,
 * so two downloads with nothing recorded between them are the same file, byte for byte.
 */
@Injectable()
export class PlanWorkbookService {
  private readonly risks: RiskHistory;
  private readonly conditionIndex: (planId: string) => Promise<string[]>;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
    private readonly asAt: AsAtService,
    private readonly conditions: ConditionReadService,
    private readonly clock: Clock,
  ) {
    this.risks = new RiskHistory(readModelRiskIndex(dataSource), store, readModelRenamedOwners(dataSource));
    this.conditionIndex = readModelConditionIndex(dataSource);
  }

  /** The plan must already have been checked as visible to the caller. */
  async produce(planEntity: PlanEntity, principal: Principal): Promise<ProducedWorkbook> {
    const { planId } = planEntity;
    const now = this.clock.now();
    const [plan, [risks], financeStream, funding, conditionStreams] = await Promise.all([
      this.asAt.planView(planId, now),
      this.risks.registersAt(planId, [now]),
      this.store.readStream(highNeedsStream(planId)),
      this.store.readStream(fundingStream(planId)),
      this.conditionIndex(planId).then((ids) => Promise.all(ids.map((id) => this.store.readStream(conditionStream(id))))),
    ]);
    const lastOf = (stream: RecordedEvent[]): Newest => {
      const last = streamPrefixAt(stream, now).at(-1);
      return { position: last?.position ?? null, occurredAt: last?.metadata.occurredAt ?? null };
    };
    const { position: lastPosition, occurredAt } = newest([
      { position: plan.lastPosition, occurredAt: plan.lastOccurredAt },
      { position: risks.lastPosition, occurredAt: risks.lastOccurredAt },
      lastOf(financeStream),
      lastOf(funding),
      ...conditionStreams.map(lastOf),
    ]);
    const knownAt = occurredAt ?? plan.createdAt;
    const conditions = await this.conditions.forPlan(planId, { asAt: knownAt });
    const roles = rolesIn(principal, planEntity.localAreaId).map((r) => phrase(r)!.toLowerCase());
    const book = buildPlanWorkbook({
      plan,
      knownAt,
      lastPosition: String(lastPosition ?? ''),
      producedBy: `${principal.displayName}${roles.length ? `, ${roles.join(' and ')}` : ''}`,
      risks,
      finance: highNeedsViewAt(financeStream, now),
      funding: fundingViewAt(planId, funding, now),
      conditions,
    });
    const content = withZipEntriesDated(Buffer.from(await book.xlsx.writeBuffer()), knownAt);
    return { fileName: `${planId}-whole-plan-${londonDateOf(knownAt)}.xlsx`, content };
  }
}
