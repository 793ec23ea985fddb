import type { ChallengeStatus, PlanDecisionKind, RiskBand } from '@send/domain';
import type { SlippingAction } from '../dependencies/dependencies.query';

export const MEETINGS_QUERY = `query Meetings($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  meetings(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) { id date title closed }
}`;

export interface MeetingChoice {
  id: string;
  date: string;
  title: string;
  closed: boolean;
}

export const AGENDA_QUERY = `query Agenda($id: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  meetingAgenda(meetingId: $id, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    meeting { id date title closed }
    followUps { id description meetingDate dueDate overdue owner { id name role organisation userId } notes { note on } }
    escalatedRisks { risk { id ref title current { score band } } escalatedSince awaitingDecision decisionsSince { id meetingDate kind summary } }
    slippingDependencies { action { id ref title rag dueDate originalDueDate slipReasons } reasons atRisk { action { id ref title } chain } }
    openChallenges { id subjectRef status messages { text } }
    decisions { id actionRef kind summary }
    planDecisions { id subjectKind riskRef kind summary }
  }
}`;

export interface AgendaFollowUp {
  id: string;
  description: string;
  meetingDate: string;
  dueDate: string;
  overdue: boolean;
  /** `id` null (and `userId` perhaps set) for a follow-up whose owner was minuted as text. */
  owner: { id: string | null; name: string; role: string; organisation: string | null; userId: string | null };
  notes: { note: string; on: string }[];
}

export interface AgendaRisk {
  risk: { id: string; ref: string; title: string; current: { score: number; band: RiskBand } };
  escalatedSince: string;
  awaitingDecision: boolean;
  decisionsSince: { id: string; meetingDate: string; kind: PlanDecisionKind; summary: string }[];
}

export interface Agenda {
  meeting: MeetingChoice;
  followUps: AgendaFollowUp[];
  escalatedRisks: AgendaRisk[];
  slippingDependencies: SlippingAction[];
  openChallenges: { id: string; subjectRef: string; status: ChallengeStatus; messages: { text: string | null }[] }[];
  decisions: { id: string; actionRef: string; kind: string; summary: string }[];
  planDecisions: { id: string; subjectKind: 'PLAN' | 'RISK'; riskRef: string | null; kind: PlanDecisionKind; summary: string }[];
}

export const UPDATE_FOLLOW_UP = `mutation UpdateFollowUp($input: UpdateFollowUpInput!) { updateFollowUp(input: $input) { id } }`;
export const COMPLETE_FOLLOW_UP = `mutation CompleteFollowUp($input: CloseFollowUpInput!) { completeFollowUp(input: $input) { id } }`;
export const DROP_FOLLOW_UP = `mutation DropFollowUp($input: CloseFollowUpInput!) { dropFollowUp(input: $input) { id } }`;
