import { ActionCommand } from './action/action.commands';
import { ActionDecisionContext, ActionState, decideAction, evolveAction, initialActionState } from './action/action.decider';
import { ActionEvent } from './action/action.events';
import { CommandMetadata } from './shared/command-metadata';
import { decidePlan, evolvePlan, initialPlanState, PlanState } from './plan/plan.decider';
import { DomainEvent, EVENT_SCHEMA_VERSIONS } from './upcasting';
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
import { decideHighNeeds, evolveHighNeeds, HighNeedsDecisionContext, HighNeedsState, initialHighNeedsState } from './finance/high-needs.decider';
import { HighNeedsCommand } from './finance/high-needs.commands';
import { HighNeedsEvent } from './finance/high-needs.events';
import { ConditionDecisionContext, ConditionState, decideCondition, evolveCondition, initialConditionState } from './condition/condition.decider';
import { ConditionCommand } from './condition/condition.commands';
import { ConditionEvent } from './condition/condition.events';
import { ActionFinanceDecisionContext, ActionFinanceState, decideActionFinance, evolveActionFinance, initialActionFinanceState } from './finance/action-finance.decider';
import { ActionFinanceCommand } from './finance/action-finance.commands';
import { ActionFinanceEvent } from './finance/action-finance.events';
import { decideReminder, evolveReminder, initialReminderState, ReminderState } from './reminder/reminder.decider';
import { ReminderCommand } from './reminder/reminder.commands';
import { decideHistoryBreak, evolveHistoryBreak, HistoryBreakState, initialHistoryBreakState } from './history/history-break.decider';
import { HistoryBreakCommand } from './history/history-break.commands';
import { HistoryBreakEvent } from './history/history-break.events';
import { decideHistoryRestore, evolveHistoryRestore, HistoryRestoreState, initialHistoryRestoreState } from './history/history-restore.decider';
import { HistoryRestoreCommand } from './history/history-restore.commands';
import { HistoryRestoreEvent } from './history/history-restore.events';
import { ChainHeadMailState, decideChainHeadMail, evolveChainHeadMail, initialChainHeadMailState } from './history/chain-head-mail.decider';
import { ChainHeadMailCommand } from './history/chain-head-mail.commands';
import { ChainHeadMailEvent } from './history/chain-head-mail.events';
import { ReminderEvent } from './reminder/reminder.events';
import { decideQuarterlyReturn, evolveQuarterlyReturn, initialQuarterlyReturnState, QuarterlyReturnDecisionContext, QuarterlyReturnState } from './quarterly-return/quarterly-return.decider';
import { QuarterlyReturnCommand } from './quarterly-return/quarterly-return.commands';
import { QuarterlyReturnEvent } from './quarterly-return/quarterly-return.events';

/**
 * The shape `handleCommand` in @send/event-store takes; declared here by structure so the domain
 * depends on nothing (TypeScript matches the two by shape).
 */
export interface ConceptDecider<Command, Event, State, Context> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, metadata: CommandMetadata, context: Context): Event[];
}


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

export const highNeedsDecider: ConceptDecider<HighNeedsCommand, HighNeedsEvent, HighNeedsState, HighNeedsDecisionContext> = {
  initialState: initialHighNeedsState,
  evolve: evolveHighNeeds,
  decide: decideHighNeeds,
};

export const conditionDecider: ConceptDecider<ConditionCommand, ConditionEvent, ConditionState, ConditionDecisionContext> = {
  initialState: initialConditionState,
  evolve: evolveCondition,
  decide: decideCondition,
};

export const actionFinanceDecider: ConceptDecider<ActionFinanceCommand, ActionFinanceEvent, ActionFinanceState, ActionFinanceDecisionContext> = {
  initialState: initialActionFinanceState,
  evolve: evolveActionFinance,
  decide: decideActionFinance,
};

export const reminderDecider: ConceptDecider<ReminderCommand, ReminderEvent, ReminderState, void> = {
  initialState: initialReminderState,
  evolve: evolveReminder,
  decide: (command, state, metadata) => decideReminder(command, state, metadata),
};
export const historyBreakDecider: ConceptDecider<HistoryBreakCommand, HistoryBreakEvent, HistoryBreakState, void> = {
  initialState: initialHistoryBreakState,
  evolve: evolveHistoryBreak,
  decide: (command, state, metadata) => decideHistoryBreak(command, state, metadata),
};
export const chainHeadMailDecider: ConceptDecider<ChainHeadMailCommand, ChainHeadMailEvent, ChainHeadMailState, void> = {
  initialState: initialChainHeadMailState,
  evolve: evolveChainHeadMail,
  decide: (command, state, metadata) => decideChainHeadMail(command, state, metadata),
};

export const historyRestoreDecider: ConceptDecider<HistoryRestoreCommand, HistoryRestoreEvent, HistoryRestoreState, void> = {
  initialState: initialHistoryRestoreState,
  evolve: evolveHistoryRestore,
  decide: (command, state, metadata) => decideHistoryRestore(command, state, metadata),
};

export const quarterlyReturnDecider: ConceptDecider<QuarterlyReturnCommand, QuarterlyReturnEvent, QuarterlyReturnState, QuarterlyReturnDecisionContext> = {
  initialState: initialQuarterlyReturnState,
  evolve: evolveQuarterlyReturn,
  decide: decideQuarterlyReturn,
};


export const schemaVersionOf = (event: DomainEvent) => EVENT_SCHEMA_VERSIONS[event.type];
