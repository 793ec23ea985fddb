import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { canSeeArea, MeetingNotFoundError, Principal } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { DecisionEntity, MeetingEntity, MeetingRecordHistory, PlanDecisionEntity, PlanEntity, readModelMeetingIndex } from '@send/read-models';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { MeetingModel, PlanDecisionModel } from '../meetings/models/meeting.model';

const toPlanDecision = (d: PlanDecisionEntity): PlanDecisionModel => ({
  id: d.decisionId,
  meetingId: d.meetingId,
  meetingDate: d.meetingDate,
  subjectKind: d.subjectKind,
  riskId: d.riskId,
  riskRef: d.riskRef,
  kind: d.kind,
  summary: d.summary,
  recordedAt: d.recordedAt,
});

/** The meetings as the read database holds them, or folded from their events to an earlier instant. */
@Injectable()
export class MeetingReadService {
  private readonly history: MeetingRecordHistory;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) store: UpcastingEventStore,
  ) {
    this.history = new MeetingRecordHistory(readModelMeetingIndex(dataSource), store);
  }

  /** A meeting of a plan in one of the person's areas; any other is "not found". */
  async meeting(meetingId: string, principal: Principal): Promise<MeetingModel> {
    const row = await this.dataSource.getRepository(MeetingEntity).findOneBy({ meetingId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new MeetingNotFoundError(meetingId);
    return (await this.toModels([row]))[0];
  }

  /** The plan's meetings, oldest first; as they stood at `instant` when given (a meeting not yet scheduled then is left out). */
  async forPlan(planId: string, instant?: string): Promise<MeetingModel[]> {
    if (instant !== undefined) {
      const [record] = await this.history.recordsAt(planId, [instant]);
      return toModels(record.meetings, record.decisions, record.planDecisions);
    }
    const rows = await this.dataSource.getRepository(MeetingEntity).find({ where: { planId }, order: { date: 'ASC', meetingId: 'ASC' } });
    return this.toModels(rows);
  }

  /** Decisions about one risk, oldest meeting first; for a risk the caller has already been shown. */
  async decisionsOnRisk(riskId: string): Promise<PlanDecisionModel[]> {
    const rows = await this.dataSource.getRepository(PlanDecisionEntity).find({ where: { riskId }, order: { meetingDate: 'ASC', recordedAt: 'ASC', decisionId: 'ASC' } });
    return rows.map(toPlanDecision);
  }

  /** Every decision about the plan or a risk recorded by `instant`, oldest meeting first, as decisionsOnRisk orders them; the caller has checked the plan. */
  async planDecisionsAt(planId: string, instant: string): Promise<PlanDecisionModel[]> {
    const [record] = await this.history.recordsAt(planId, [instant]);
    const byMeeting = (a: PlanDecisionEntity, b: PlanDecisionEntity) => a.meetingDate.localeCompare(b.meetingDate) || a.recordedAt.localeCompare(b.recordedAt) || a.decisionId.localeCompare(b.decisionId);
    return [...record.planDecisions].sort(byMeeting).map(toPlanDecision);
  }

  private async toModels(rows: MeetingEntity[]): Promise<MeetingModel[]> {
    const where = { meetingId: In(rows.map((m) => m.meetingId)) };
    const decisions = await this.dataSource.getRepository(DecisionEntity).find({ where, order: { recordedAt: 'ASC', decisionId: 'ASC' } });
    const planDecisions = await this.dataSource.getRepository(PlanDecisionEntity).find({ where, order: { recordedAt: 'ASC', decisionId: 'ASC' } });
    return toModels(rows, decisions, planDecisions);
  }
}

/** Meetings with their decisions, from rows read live or folded: the same models either way. */
function toModels(rows: MeetingEntity[], decisions: DecisionEntity[], planDecisions: PlanDecisionEntity[]): MeetingModel[] {
  return rows.map((m) => ({
    id: m.meetingId,
    planId: m.planId,
    type: m.meetingType,
    date: m.date,
    title: m.title,
    closed: m.closed,
    minutesReference: m.minutesReference,
    attendees: m.attendees,
    apologies: m.apologies,
    decisions: decisions
      .filter((d) => d.meetingId === m.meetingId)
      .map((d) => ({ id: d.decisionId, meetingId: d.meetingId, actionId: d.actionId, actionRef: d.actionRef, kind: d.kind, summary: d.summary, recordedAt: d.recordedAt })),
    planDecisions: planDecisions.filter((d) => d.meetingId === m.meetingId).map(toPlanDecision),
  }));
}
