import type { ConditionStatus, RagStatus } from '@send/domain';

export const CONDITIONS_QUERY = `query Conditions($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  conditions(planId: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id ref text sourceParagraph measureOfSuccess dueDate
    currentQuarter {
      quarter awaitingApproval
      latest { version status commentary replacesApproved }
      approved { version status approvedBy }
    }
    actions { id ref title rag }
    metrics { id name }
    financeLines { id label summary }
  }
}`;

interface QuarterStatus {
  version: number;
  status: ConditionStatus;
}

export interface RegisterCondition {
  id: string;
  ref: string;
  text: string;
  sourceParagraph: string;
  measureOfSuccess: string;
  dueDate: string;
  currentQuarter: {
    quarter: string;
    awaitingApproval: boolean;
    latest: QuarterStatus & { commentary: string; replacesApproved: boolean };
    approved: (QuarterStatus & { approvedBy: string | null }) | null;
  } | null;
  actions: { id: string; ref: string; title: string; rag: RagStatus }[];
  metrics: { id: string; name: string }[];
  /** Each line's label and, in words, its figure against what it is measured by and its rating. */
  financeLines: { id: string; label: string; summary: string }[];
}
