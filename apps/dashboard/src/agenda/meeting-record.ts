import type { PlanDecisionKind } from '@send/domain';

export const RECORD_PLAN_DECISION = `mutation RecordPlanDecision($input: RecordPlanDecisionInput!) {
  recordPlanDecision(input: $input) { id planDecisions { id subjectKind riskRef kind summary } }
}`;

export const RAISE_FOLLOW_UP = `mutation RaiseFollowUp($input: RaiseFollowUpInput!) { raiseFollowUp(input: $input) { id description dueDate owner { name } } }`;

/** Whom a follow-up can name: the plan's owners, from the owner directory, by id. */
export const FOLLOW_UP_OWNERS_QUERY = `query FollowUpOwners($planId: ID!) { owners(planId: $planId) { owner { id name role organisation } } }`;

export interface FollowUpOwnersAnswer {
  owners: { owner: { id: string; name: string; role: string; organisation: string } }[];
}

export interface RecordPlanDecisionAnswer {
  recordPlanDecision: { id: string; planDecisions: { id: string; subjectKind: 'PLAN' | 'RISK'; riskRef: string | null; kind: PlanDecisionKind; summary: string }[] };
}

export interface RaiseFollowUpAnswer {
  raiseFollowUp: { id: string; description: string; dueDate: string; owner: { name: string } };
}

/** The kinds of decision the board records, as it says them; the last two only about a risk. */
export const DECISION_KIND_WORDS: Record<PlanDecisionKind, string> = {
  AGREED: 'Agreed',
  NOTED: 'Noted',
  ESCALATED: 'Escalated',
  RISK_TOLERATED: 'Risk tolerated',
  FURTHER_MITIGATION: 'Further mitigation',
};
export const RISK_ONLY_KINDS: PlanDecisionKind[] = ['RISK_TOLERATED', 'FURTHER_MITIGATION'];
