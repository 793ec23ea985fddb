import type { RagValue } from '../shared/rag-badge';

export const MOVEMENT_QUERY = `query Movement($planId: ID!, $fromMeeting: ID!, $toMeeting: ID!) {
  movement(planId: $planId, fromMeeting: $fromMeeting, toMeeting: $toMeeting) {
    from to
    counts { ragUp ragDown firstRated completed added withdrawn becameOverdue becameStale evidenceAccepted ownerChanges }
    areas { number name counts { ragUp ragDown completed becameOverdue } }
    ragChanges { action { id ref title } from to direction }
    becameOverdue { id ref title }
    evidenceAccepted { action { id ref } evidence { id title kind } }
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
  };
}
