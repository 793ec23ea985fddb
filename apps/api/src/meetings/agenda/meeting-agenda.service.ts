import { Injectable } from '@nestjs/common';
import { MeetingNotFoundError, Principal } from '@send/domain';
import { HistoricArgs } from '../../as-at/dto/as-at.args';
import { ChallengeReadService } from '../../challenges/challenge-read.service';
import { FollowUpReadService } from '../../follow-ups/follow-up-read.service';
import { RiskReadService } from '../../risks/risk-read.service';
import { MeetingReadService } from '../../reading/meeting-read.service';
import { PlanReaders } from '../../reading/plan-readers.service';
import { escalatedSince } from './escalated-since';
import { AgendaRiskModel, MeetingAgendaModel } from './meeting-agenda.model';

/**
 * Gathers a meeting's agenda from the things on it: as they stand (the read models), or as they
 * stood at an instant or board meeting (each folded from its events to that instant).
 */
@Injectable()
export class MeetingAgendaService {
  constructor(
    private readonly meetings: MeetingReadService,
    private readonly followUps: FollowUpReadService,
    private readonly risks: RiskReadService,
    private readonly challenges: ChallengeReadService,
    private readonly readers: PlanReaders,
  ) {}

  async agenda(meetingId: string, principal: Principal, when: HistoricArgs = {}): Promise<MeetingAgendaModel> {
    const live = await this.meetings.meeting(meetingId, principal);
    const { planId } = live;
    // The plan's reader settles the instant once (asAt, asAtMeeting, knownAt) and refuses one before the plan existed.
    const reader = await this.readers.forPlan(planId, when, principal);
    const instant = reader.asAt ?? undefined;
    const meeting = instant === undefined ? live : (await this.meetings.forPlan(planId, instant)).find((m) => m.id === meetingId);
    if (!meeting) throw new MeetingNotFoundError(`${meetingId} as at ${instant}`);
    const [followUps, escalatedRisks, openChallenges, network] = await Promise.all([
      this.followUps.carriedTo(planId, meeting, instant),
      this.escalatedRisks(planId, reader.plan().riskEscalationScore, instant),
      instant === undefined ? this.challenges.forPlan(planId, ['AWAITING_ANSWER', 'ANSWERED']) : this.challenges.forPlanAt(planId, ['AWAITING_ANSWER', 'ANSWERED'], instant),
      reader.dependencyNetwork(),
    ]);
    const slippingDependencies = network.model().slipping;
    return { meeting, followUps, escalatedRisks, slippingDependencies, openChallenges, decisions: meeting.decisions, planDecisions: meeting.planDecisions };
  }

  private async escalatedRisks(planId: string, threshold: number, instant: string | undefined): Promise<AgendaRiskModel[]> {
    const [register, decisionsThen] = await Promise.all([this.risks.forPlan(planId, ['OPEN'], instant), instant === undefined ? undefined : this.meetings.planDecisionsAt(planId, instant)]);
    const open = register.filter((r) => r.escalation.length > 0);
    const rows = await Promise.all(
      open.map(async (risk): Promise<AgendaRiskModel | null> => {
        const scores = await risk.reader.scores(risk.id);
        const since = escalatedSince(scores.map((s) => ({ score: s.rating.score, asAt: s.asAt, recordedAt: s.recordedAt })), threshold);
        if (since === null) return null;
        const decisions = decisionsThen?.filter((d) => d.riskId === risk.id) ?? (await this.meetings.decisionsOnRisk(risk.id));
        const decisionsSince = decisions.filter((d) => d.meetingDate >= since);
        return { risk, escalatedSince: since, decisionsSince, awaitingDecision: decisionsSince.length === 0 };
      }),
    );
    // forPlan gives reference order; awaiting ones first keeps it within each group.
    return rows.filter((r): r is AgendaRiskModel => r !== null).sort((a, b) => Number(b.awaitingDecision) - Number(a.awaitingDecision));
  }
}
