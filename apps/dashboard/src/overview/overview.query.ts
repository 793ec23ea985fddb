import { ROLL_UP_FIELDS, RollUp } from '../shared/roll-up';
import type { NeedleAction } from './not-moving-the-needle';

export const OVERVIEW_QUERY = `query Overview($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String, $asOfDate: String) {
  plan(id: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt, asOfDate: $asOfDate) {
    title version approvedOn staleAfterDays recordedBy asOfDate
    rollUp { ${ROLL_UP_FIELDS} withdrawn superseded }
    areas { number name rollUp { ${ROLL_UP_FIELDS} } atRiskFromDependencies }
    priorities { number name rollUp { ${ROLL_UP_FIELDS} } atRiskFromDependencies }
    greenButNotMovingTheNeedle { id ref title owner { name } deliveryConfidence { level } impactFlag { reasons { text } } }
  }
}`;

export interface Group {
  number: number;
  name: string;
  rollUp: RollUp;
  /** Open actions waiting for one that is slipping. */
  atRiskFromDependencies: number;
}

export interface OverviewAnswer {
  plan: {
    title: string;
    version: string;
    approvedOn: string;
    staleAfterDays: number;
    recordedBy: string | null;
    asOfDate: string | null;
    rollUp: RollUp & { withdrawn: number; superseded: number };
    areas: Group[];
    priorities: Group[];
    greenButNotMovingTheNeedle: NeedleAction[];
  };
}
