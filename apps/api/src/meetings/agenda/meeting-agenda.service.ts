import { Injectable } from '@nestjs/common';
import { Principal } from '@send/domain';
import { ChallengeReadService } from '../../challenges/challenge-read.service';
import { FollowUpReadService } from '../../follow-ups/follow-up-read.service';
import { RiskReadService } from '../../risks/risk-read.service';
import { MeetingReadService } from '../../reading/meeting-read.service';
import { PlanReaders } from '../../reading/plan-readers.service';
import { escalatedSince } from './escalated-since';
import { AgendaRiskModel, MeetingAgendaModel } from './meeting-agenda.model';

/** Gathers a meeting's agenda from the read models of the things on it. */
@Injectable()
export class MeetingAgendaService {
  constructor(
    private readonly meetings: MeetingReadService,
    private readonly followUps: FollowUpReadService,
    private readonly risks: RiskReadService,
    private readonly challenges: ChallengeReadService,
    private readonly readers: PlanReaders,
  ) {}

  async agenda(meetingId: string, principal: Principal): Promise<MeetingAgendaModel> {
    const meeting = await this.meetings.meeting(meetingId, principal);
    const [followUps, escalatedRisks, openChallenges, network] = await Promise.all([
      this.followUps.carriedTo(meeting.planId, meeting),
      this.escalatedRisks(meeting.planId),
      this.challenges.forPlan(meeting.planId, ['AWAITING_ANSWER', 'ANSWERED']),
      this.readers.forPlan(meeting.planId, {}, principal).then((reader) => reader.dependencyNetwork()),
    ]);
    const slippingDependencies = network.model().slipping;
    return { meeting, followUps, escalatedRisks, slippingDependencies, openChallenges, decisions: meeting.decisions, planDecisions: meeting.planDecisions };
  }

  private async escalatedRisks(planId: string): Promise<AgendaRiskModel[]> {
    const [register, threshold] = await Promise.all([this.risks.forPlan(planId, ['OPEN']), this.risks.escalationScore(planId)]);
    const open = register.filter((r) => r.escalation.length > 0);
    const rows = await Promise.all(
      open.map(async (risk): Promise<AgendaRiskModel | null> => {
        const scores = await this.risks.scores(risk.id);
        const since = escalatedSince(scores.map((s) => ({ score: s.rating.score, asAt: s.asAt, recordedAt: s.recordedAt })), threshold);
        if (since === null) return null;
        const decisionsSince = (await this.meetings.decisionsOnRisk(risk.id)).filter((d) => d.meetingDate >= since);
        return { risk, escalatedSince: since, decisionsSince, awaitingDecision: decisionsSince.length === 0 };
      }),
    );
    // forPlan gives reference order; awaiting ones first keeps it within each group.
    return rows.filter((r): r is AgendaRiskModel => r !== null).sort((a, b) => Number(b.awaitingDecision) - Number(a.awaitingDecision));
  }
}
