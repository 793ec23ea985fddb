import {
  ActionCommand,
  ActionDecisionContext,
  ActionEvent,
  ActionState,
  CommandMetadata,
  decideAction,
  decidePlan,
  DomainEvent,
  EVENT_SCHEMA_VERSIONS,
  evolveAction,
  evolvePlan,
  initialActionState,
  initialPlanState,
  PlanCommand,
  PlanEvent,
  PlanState,
  upcast,
  decideUser,
  evolveUser,
  initialUserState,
  UserCommand,
  UserEvent,
  UserState,
  decideMeeting,
  evolveMeeting,
  initialMeetingState,
  MeetingCommand,
  MeetingDecisionContext,
  MeetingEvent,
  MeetingState,
  decideMetric,
  evolveMetric,
  initialMetricState,
  MetricCommand,
  MetricDecisionContext,
  MetricEvent,
  MetricState,
} from '@send/domain';
import { Decider, RecordedEvent } from '@send/event-store';

export const planStream = (planId: string) => `plan-${planId}`;
export const actionStream = (actionId: string) => `action-${actionId}`;
export const userStream = (userId: string) => `user-${userId}`;
export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;
export const metricStream = (metricId: string) => `metric-${metricId}`;

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState, CommandMetadata, void> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: (command, state, metadata) => decidePlan(command, state, metadata),
};

export const actionDecider: Decider<ActionCommand, ActionEvent, ActionState, CommandMetadata, ActionDecisionContext> = {
  initialState: initialActionState,
  evolve: evolveAction,
  decide: decideAction,
};

export const userDecider: Decider<UserCommand, UserEvent, UserState, CommandMetadata, void> = {
  initialState: initialUserState,
  evolve: evolveUser,
  decide: (command, state, metadata) => decideUser(command, state, metadata),
};

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState, CommandMetadata, MeetingDecisionContext> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,
  decide: decideMeeting,
};

export const metricDecider: Decider<MetricCommand, MetricEvent, MetricState, CommandMetadata, MetricDecisionContext> = {
  initialState: initialMetricState,
  evolve: evolveMetric,
  decide: decideMetric,
};

export const loadEvent = <E extends DomainEvent>(recorded: RecordedEvent): E =>
  upcast(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data, recorded.metadata) as E;

export const schemaVersionOf = (event: DomainEvent) => EVENT_SCHEMA_VERSIONS[event.type];
