import type { ConfidenceLevel } from '../actions/delivery-confidence';
import type { RagValue } from '../shared/rag-badge';

type RiskLine = { ref: string; title: string };
export interface RiskMovement {
  raised: (RiskLine & { current: { score: number } })[];
  rescored: { risk: RiskLine; from: number; to: number; direction: 'UP' | 'DOWN'; crossing: 'ROSE_TO_THRESHOLD' | 'FELL_BELOW_THRESHOLD' | null }[];
  closed: RiskLine[];
  becameIssues: RiskLine[];
}

export const MOVEMENT_QUERY = `query Movement($planId: ID!, $fromMeeting: ID!, $toMeeting: ID!) {
  movement(planId: $planId, fromMeeting: $fromMeeting, toMeeting: $toMeeting) {
    from to
    counts { ragUp ragDown firstRated completed added withdrawn becameOverdue becameStale evidenceAccepted ownerChanges }
    areas { number name counts { ragUp ragDown completed becameOverdue } }
    ragChanges { action { id ref title } from to direction }
    becameOverdue { id ref title }
    evidenceAccepted { action { id ref } evidence { id title kind } }
    confidenceFell { action { id ref title } from to }
    risks { raised { ref title current { score } } rescored { risk { ref title } from to direction crossing } closed { ref title } becameIssues { ref title } }
  }
}`;

export interface MovementCounts {
  ragUp: number;
  ragDown: number;
  firstRated: number;
  completed: number;
  added: number;
  withdrawn: number;
  becameOverdue: number;
  becameStale: number;
  evidenceAccepted: number;
  ownerChanges: number;
}

export interface MovementAnswer {
  movement: {
    from: string;
    to: string;
    counts: MovementCounts;
    areas: { number: number; name: string; counts: Pick<MovementCounts, 'ragUp' | 'ragDown' | 'completed' | 'becameOverdue'> }[];
    ragChanges: { action: { id: string; ref: string; title: string }; from: RagValue; to: RagValue; direction: 'UP' | 'DOWN' | 'FIRST_RATED' }[];
    becameOverdue: { id: string; ref: string; title: string }[];
    evidenceAccepted: { action: { id: string; ref: string }; evidence: { id: string; title: string; kind: string } }[];
    confidenceFell: { action: { id: string; ref: string; title: string }; from: ConfidenceLevel; to: ConfidenceLevel }[];
    risks: RiskMovement;
  };
}
