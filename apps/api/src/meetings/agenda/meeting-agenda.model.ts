import { Field, ObjectType } from '@nestjs/graphql';
import { ChallengeModel } from '../../challenges/models/challenge.model';
import { FollowUpModel } from '../../follow-ups/models/follow-up.model';
import { RiskModel } from '../../risks/models/risk.model';
import { SlippingActionModel } from '../../dependencies/models/dependency.model';
import { DecisionModel, MeetingModel, PlanDecisionModel } from '../models/meeting.model';

@ObjectType('AgendaRisk', { description: 'An escalated risk on the agenda, with what the board has decided about it since it escalated.' })
export class AgendaRiskModel {
  @Field(() => RiskModel) risk: RiskModel;
  @Field({ description: 'The UK day its present escalation began (YYYY-MM-DD).' }) escalatedSince: string;
  @Field(() => [PlanDecisionModel], { description: 'Decisions about it at meetings on or after that day.' }) decisionsSince: PlanDecisionModel[];
  @Field({ description: 'No decision about it has been minuted since it escalated.' }) awaitingDecision: boolean;
}

/** What the board must look at in one meeting. */
@ObjectType('MeetingAgenda', { description: 'What the board must look at in a meeting, read as things stand now.' })
export class MeetingAgendaModel {
  @Field(() => MeetingModel) meeting: MeetingModel;
  @Field(() => [FollowUpModel], { description: 'Open follow-ups asked for at earlier meetings, overdue first, then soonest due.' }) followUps: FollowUpModel[];
  @Field(() => [AgendaRiskModel], { description: 'Open escalated risks, those awaiting a decision first, then by reference.' }) escalatedRisks: AgendaRiskModel[];
  @Field(() => [SlippingActionModel], { description: 'Slipping actions that put others at risk through their dependencies, with the actions at risk, in reference order.' })
  slippingDependencies: SlippingActionModel[];
  @Field(() => [ChallengeModel], { description: 'Challenge threads not yet resolved, oldest first.' }) openChallenges: ChallengeModel[];
  @Field(() => [DecisionModel], { description: 'Decisions about actions minuted at this meeting so far.' }) decisions: DecisionModel[];
  @Field(() => [PlanDecisionModel], { description: 'Decisions about the plan or a risk minuted at this meeting so far.' }) planDecisions: PlanDecisionModel[];
}
