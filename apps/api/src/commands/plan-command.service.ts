import { Injectable } from '@nestjs/common';
import {
  ActionCommand,
  ActionEvent,
  ActionFinanceCommand,
  ActionFinanceEvent,
  ActionFinanceState,
  ActionState,
  ChallengeCommand,
  ChallengeEvent,
  DependencyCommand,
  DependencyEvent,
  DependencyNetworkState,
  ChallengeState,
  ConditionCommand,
  ConditionEvent,
  ConditionState,
  ExistingAction,
  FollowUpCommand,
  FollowUpEvent,
  FollowUpState,
  HighNeedsCommand,
  HighNeedsEvent,
  HighNeedsState,
  MeetingCommand,
  MeetingEvent,
  MeetingState,
  MetricCommand,
  MetricEvent,
  MetricState,
  PlanCommand,
  PlanEvent,
  PlanState,
  Principal,
  RiskCommand,
  RiskEvent,
  RiskState,
  UserCommand,
  UserEvent,
  UserState,
} from '@send/domain';
import { CommandResult, EventStore, UpcastingEventStore } from '@send/event-store';
import { ActionFinanceCommands } from '../finance/action-finance-commands.service';
import { ActionCommands } from '../actions/action-commands.service';
import { ChallengeCommands } from '../challenges/challenge-commands.service';
import { FollowUpCommands } from '../follow-ups/follow-up-commands.service';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { MeetingCommands } from '../meetings/meeting-commands.service';
import { PlanCommands } from '../plans/plan-commands.service';
import { MetricCommands } from '../scorecard/metric-commands.service';
import { RiskCommands } from '../risks/risk-commands.service';
import { UserCommands } from '../users/user-commands.service';
import { DependencyCommands } from '../dependencies/dependency-commands.service';
import { HighNeedsCommands } from '../finance/high-needs-commands.service';
import { ConditionCommands } from '../conditions/condition-commands.service';
import { CommandOptions, CommandRunner } from './runner/command-runner.service';

/**
 * Every concept's commands behind one object, for the tools that write across all of them: the
 * demo loader, the plan import, the operator's CLI and the tests' set-up. A feature that writes
 * one concept uses that concept's service (`ActionCommands`, …) instead. All share one
 * CommandRunner, so the demo's history is made of exactly the events users make.
 */
@Injectable()
export class PlanCommandService {
  constructor(
    private readonly plans: PlanCommands,
    private readonly actions: ActionCommands,
    private readonly users: UserCommands,
    private readonly meetings: MeetingCommands,
    private readonly metrics: MetricCommands,
    private readonly risks: RiskCommands,
    private readonly challenges: ChallengeCommands,
    private readonly dependencies: DependencyCommands,
    private readonly followUps: FollowUpCommands,
    private readonly highNeeds: HighNeedsCommands,
    private readonly conditions: ConditionCommands,
    private readonly funding: ActionFinanceCommands,
    private readonly runner: CommandRunner,
  ) {}

  /** Outside Nest (the CLI, unit tests): every concept's commands over one store and one cache. */
  static over(store: UpcastingEventStore, clock: Clock, config?: Pick<AppConfig, 'commandCacheBytes'>): PlanCommandService {
    const runner = new CommandRunner(store, clock, config);
    return new PlanCommandService(new PlanCommands(runner), new ActionCommands(runner), new UserCommands(runner), new MeetingCommands(runner), new MetricCommands(runner), new RiskCommands(runner), new ChallengeCommands(runner), new DependencyCommands(runner), new FollowUpCommands(runner), new HighNeedsCommands(runner), new ConditionCommands(runner), new ActionFinanceCommands(runner), runner);
  }

  executePlanCommand(command: PlanCommand, options: CommandOptions): Promise<CommandResult<PlanEvent, PlanState>> {
    return this.plans.execute(command, options);
  }

  executeActionCommand(command: ActionCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<ActionEvent, ActionState>> {
    return this.actions.execute(command, expectedRevision, options);
  }

  executeUserCommand(command: UserCommand, options: CommandOptions): Promise<CommandResult<UserEvent, UserState>> {
    return this.users.execute(command, options);
  }

  ensureUser(...args: Parameters<UserCommands['ensureUser']>): Promise<{ registered: boolean; granted: number; appended: number }> {
    return this.users.ensureUser(...args);
  }

  executeMeetingCommand(command: MeetingCommand, options: CommandOptions): Promise<CommandResult<MeetingEvent, MeetingState>> {
    return this.meetings.execute(command, options);
  }

  executeMetricCommand(command: MetricCommand, options: CommandOptions): Promise<CommandResult<MetricEvent, MetricState>> {
    return this.metrics.execute(command, options);
  }

  executeRiskCommand(command: RiskCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<RiskEvent, RiskState>> {
    return this.risks.execute(command, expectedRevision, options);
  }

  executeChallengeCommand(command: ChallengeCommand, options: CommandOptions): Promise<CommandResult<ChallengeEvent, ChallengeState>> {
    return this.challenges.execute(command, options);
  }

  executeDependencyCommand(command: DependencyCommand, options: CommandOptions): Promise<CommandResult<DependencyEvent, DependencyNetworkState>> {
    return this.dependencies.execute(command, undefined, options);
  }

  /** Money on actions and priorities, on the plan's funding stream. */
  executeActionFinanceCommand(command: ActionFinanceCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<ActionFinanceEvent, ActionFinanceState>> {
    return this.funding.execute(command, expectedRevision, options);
  }

  executeFollowUpCommand(command: FollowUpCommand, options: CommandOptions): Promise<CommandResult<FollowUpEvent, FollowUpState>> {
    return this.followUps.execute(command, options);
  }

  executeHighNeedsCommand(command: HighNeedsCommand, options: CommandOptions): Promise<CommandResult<HighNeedsEvent, HighNeedsState>> {
    return this.highNeeds.execute(command, undefined, options);
  }

  executeConditionCommand(command: ConditionCommand, options: CommandOptions): Promise<CommandResult<ConditionEvent, ConditionState>> {
    return this.conditions.execute(command, undefined, options);
  }

  requireMayActOn(commandType: ActionCommand['type'], actionId: string, principal: Principal): Promise<ExistingAction> {
    return this.actions.requireMayActOn(commandType, actionId, principal);
  }

  /** A stream's current state, rebuilt the way a command rebuilds it before deciding. */
  fold<S, E extends PlanEvent | ActionEvent | MeetingEvent | MetricEvent>(streamId: string, decider: { initialState(): S; evolve(state: S, event: E): S }): Promise<S> {
    return this.runner.fold(streamId, decider);
  }
}
