import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { canSeeArea, MeetingNotFoundError, Principal } from '@send/domain';
import { DecisionEntity, MeetingEntity, PlanDecisionEntity, PlanEntity } from '@send/read-models';
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

@Injectable()
export class MeetingReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** A meeting of a plan in one of the person's areas; any other is "not found". */
  async meeting(meetingId: string, principal: Principal): Promise<MeetingModel> {
    const row = await this.dataSource.getRepository(MeetingEntity).findOneBy({ meetingId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new MeetingNotFoundError(meetingId);
    return (await this.toModels([row]))[0];
  }

  async forPlan(planId: string): Promise<MeetingModel[]> {
    const rows = await this.dataSource.getRepository(MeetingEntity).find({ where: { planId }, order: { date: 'ASC', meetingId: 'ASC' } });
    return this.toModels(rows);
  }

  /** Decisions about one risk, oldest meeting first; for a risk the caller has already been shown. */
  async decisionsOnRisk(riskId: string): Promise<PlanDecisionModel[]> {
    const rows = await this.dataSource.getRepository(PlanDecisionEntity).find({ where: { riskId }, order: { meetingDate: 'ASC', recordedAt: 'ASC', decisionId: 'ASC' } });
    return rows.map(toPlanDecision);
  }

  private async toModels(rows: MeetingEntity[]): Promise<MeetingModel[]> {
    const where = { meetingId: In(rows.map((m) => m.meetingId)) };
    const decisions = await this.dataSource.getRepository(DecisionEntity).find({ where, order: { recordedAt: 'ASC', decisionId: 'ASC' } });
    const planDecisions = await this.dataSource.getRepository(PlanDecisionEntity).find({ where, order: { recordedAt: 'ASC', decisionId: 'ASC' } });
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
}
