import { ActionProjection } from './actions/action.projection';
import { EvidenceProjection } from './evidence/evidence.projection';
import { MilestoneProjection } from './milestones/milestone.projection';
import { OwnerProjection } from './owners/owner.projection';
import { PlanProjection } from './plans/plan.projection';
import { TimelineProjection } from './timeline/timeline.projection';
import { UserProjection } from './users/user.projection';
import { MeetingProjection } from './meetings/meeting.projection';
import { ScorecardProjection } from './scorecard/scorecard.projection';
import { ReminderProjection } from './reminders/reminder.projection';
import { ChainHeadMailProjection } from './history-heads/chain-head-mail.projection';
import { RiskProjection } from './risks/risk.projection';
import { HighNeedsProjection } from './finance/high-needs.projection';
import { ChallengeProjection } from './challenges/challenge.projection';
import { DependencyProjection } from './dependencies/dependency.projection';
import { FollowUpProjection } from './follow-ups/follow-up.projection';
import { ConditionProjection } from './conditions/condition.projection';
import { FundingProjection } from './finance/funding.projection';
import { Projection } from './projection/projection';

/** In dependency order: evidence and owners look up the action row that `actions` writes. */
export const defaultProjections = (): Projection[] => [
  new PlanProjection(),
  new ActionProjection(),
  new MilestoneProjection(),
  new EvidenceProjection(),
  new OwnerProjection(),
  new TimelineProjection(),
  new UserProjection(),
  new MeetingProjection(),
  new ScorecardProjection(),
  new ReminderProjection(),
  new ChainHeadMailProjection(),
  new RiskProjection(),
  new HighNeedsProjection(),
  new ChallengeProjection(),
  new DependencyProjection(),
  new FollowUpProjection(),
  new ConditionProjection(),
  new FundingProjection(),
];
