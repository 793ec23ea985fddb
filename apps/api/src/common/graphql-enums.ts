import { registerEnumType } from '@nestjs/graphql';

export enum Rag {
  NOT_YET_RATED = 'NOT_YET_RATED',
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
  BLUE = 'BLUE',
}

/** What an owner may report: Blue is only reached through completeAction. */
export enum ReportableRag {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}

export enum ActionStatus {
  OPEN = 'OPEN',
  COMPLETE = 'COMPLETE',
  WITHDRAWN = 'WITHDRAWN',
  SUPERSEDED = 'SUPERSEDED',
}

export enum EvidenceKind {
  ACTIVITY = 'ACTIVITY',
  IMPACT = 'IMPACT',
}

export enum EvidenceStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}

registerEnumType(Rag, { name: 'Rag', description: 'Red off track, Amber slipping with recovery in hand, Green on track, Blue complete with accepted evidence.' });
registerEnumType(ReportableRag, { name: 'ReportableRag', description: 'Ratings an owner may report; Blue comes from completeAction.' });
registerEnumType(ActionStatus, { name: 'ActionStatus' });
registerEnumType(EvidenceKind, { name: 'EvidenceKind', description: 'ACTIVITY: the thing was done. IMPACT: it changed outcomes.' });
registerEnumType(EvidenceStatus, { name: 'EvidenceStatus' });
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });
