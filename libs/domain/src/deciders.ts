import { ActionCommand } from './action/action.commands';
import { ActionDecisionContext, ActionState, decideAction, evolveAction, initialActionState } from './action/action.decider';
import { ActionEvent } from './action/action.events';
import { CommandMetadata } from './shared/command-metadata';
import { decidePlan, evolvePlan, initialPlanState, PlanState } from './plan/plan.decider';
import { DomainEvent, EVENT_SCHEMA_VERSIONS, upcast } from './upcasting';
import { PlanCommand } from './plan/plan.commands';
import { PlanEvent } from './plan/plan.events';
import { decideUser, evolveUser, initialUserState, UserState } from './access/user.decider';
import { UserCommand } from './access/user.commands';
import { UserEvent } from './access/user.events';
import { decideMeeting, evolveMeeting, initialMeetingState, MeetingDecisionContext, MeetingState } from './meeting/meeting.decider';
import { MeetingCommand } from './meeting/meeting.commands';
import { MeetingEvent } from './meeting/meeting.events';
import { decideMetric, evolveMetric, initialMetricState, MetricDecisionContext, MetricState } from './scorecard/metric.decider';
import { MetricCommand } from './scorecard/metric.commands';
import { MetricEvent } from './scorecard/metric.events';
import { decideRisk, evolveRisk, initialRiskState, RiskDecisionContext, RiskState } from './risk/risk.decider';
import { RiskCommand } from './risk/risk.commands';
import { RiskEvent } from './risk/risk.events';
import { ChallengeDecisionContext, ChallengeState, decideChallenge, evolveChallenge, initialChallengeState } from './challenge/challenge.decider';
import { ChallengeCommand } from './challenge/challenge.commands';
import { ChallengeEvent } from './challenge/challenge.events';
import { decideDependency, DependencyDecisionContext, DependencyNetworkState, evolveDependencyNetwork, initialDependencyNetworkState } from './dependency/dependency.decider';
import { DependencyCommand } from './dependency/dependency.commands';
import { DependencyEvent } from './dependency/dependency.events';
import { decideFollowUp, evolveFollowUp, FollowUpDecisionContext, FollowUpState, initialFollowUpState } from './follow-up/follow-up.decider';
import { FollowUpCommand } from './follow-up/follow-up.commands';
import { FollowUpEvent } from './follow-up/follow-up.events';
import { decideOwner, evolveOwner, initialOwnerState, OwnerDecisionContext, OwnerState } from './owner/owner.decider';
import { OwnerCommand } from './owner/owner.commands';
import { OwnerEvent } from './owner/owner.events';
import { ConditionDecisionContext, ConditionState, decideCondition, evolveCondition, initialConditionState } from './condition/condition.decider';
import { ConditionCommand } from './condition/condition.commands';
import { ConditionEvent } from './condition/condition.events';

/**
 * The shape `handleCommand` in @send/event-store takes; declared here by structure so the domain
 * depends on nothing (TypeScript matches the two by shape).
 */
export interface ConceptDecider<Command, Event, State, Context> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, metadata: CommandMetadata, context: Context): Event[];
}

/** What `loadEvent` needs of a stored event: any store's recorded event has it. */
export interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: { schemaVersion?: number; actor?: { userId: string } | null };
}

export const planStream = (planId: string) => `plan-${planId}`;
export const actionStream = (actionId: string) => `action-${actionId}`;
export const userStream = (userId: string) => `user-${userId}`;
export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;
export const metricStream = (metricId: string) => `metric-${metricId}`;
export const riskStream = (riskId: string) => `risk-${riskId}`;
export const challengeStream = (challengeId: string) => `challenge-${challengeId}`;
/** A plan's dependencies are one network on one stream: a cycle is judged against all of them at once. */
export const dependencyNetworkStream = (planId: string) => `dependencies-${planId}`;
export const followUpStream = (followUpId: string) => `follow-up-${followUpId}`;
/** What is said about a person who owns actions, risks or mitigations themselves: their renames. */
export const ownerStream = (ownerId: string) => `owner-${ownerId}`;
export const conditionStream = (conditionId: string) => `condition-${conditionId}`;

export const planDecider: ConceptDecider<PlanCommand, PlanEvent, PlanState, void> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: (command, state, metadata) => decidePlan(command, state, metadata),
};

export const actionDecider: ConceptDecider<ActionCommand, ActionEvent, ActionState, ActionDecisionContext> = {
  initialState: initialActionState,
  evolve: evolveAction,
  decide: decideAction,
};

export const userDecider: ConceptDecider<UserCommand, UserEvent, UserState, void> = {
  initialState: initialUserState,
  evolve: evolveUser,
  decide: (command, state, metadata) => decideUser(command, state, metadata),
};

export const meetingDecider: ConceptDecider<MeetingCommand, MeetingEvent, MeetingState, MeetingDecisionContext> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeeting,
};

export const metricDecider: ConceptDecider<MetricCommand, MetricEvent, MetricState, MetricDecisionContext> = {
  initialState: initialMetricState,
  evolve: evolveMetric,
  decide: decideMetric,
};

export const riskDecider: ConceptDecider<RiskCommand, RiskEvent, RiskState, RiskDecisionContext> = {
  initialState: initialRiskState,
  evolve: evolveRisk,
  decide: decideRisk,
};

export const challengeDecider: ConceptDecider<ChallengeCommand, ChallengeEvent, ChallengeState, ChallengeDecisionContext> = {
  initialState: initialChallengeState,
  evolve: evolveChallenge,
  decide: decideChallenge,
};

export const dependencyDecider: ConceptDecider<DependencyCommand, DependencyEvent, DependencyNetworkState, DependencyDecisionContext> = {
  initialState: initialDependencyNetworkState,
  evolve: evolveDependencyNetwork,
  decide: decideDependency,
};

export const followUpDecider: ConceptDecider<FollowUpCommand, FollowUpEvent, FollowUpState, FollowUpDecisionContext> = {
  initialState: initialFollowUpState,
  evolve: evolveFollowUp,
  decide: decideFollowUp,
};

export const ownerDecider: ConceptDecider<OwnerCommand, OwnerEvent, OwnerState, OwnerDecisionContext> = {
  initialState: initialOwnerState,
  evolve: evolveOwner,
  decide: decideOwner,
};

export const conditionDecider: ConceptDecider<ConditionCommand, ConditionEvent, ConditionState, ConditionDecisionContext> = {
  initialState: initialConditionState,
  evolve: evolveCondition,
  decide: decideCondition,
};

export const loadEvent = <E extends DomainEvent>(recorded: StoredEvent): E =>
  upcast(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data, recorded.metadata) as E;

export const schemaVersionOf = (event: DomainEvent) => EVENT_SCHEMA_VERSIONS[event.type];
