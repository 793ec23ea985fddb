import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ActionCommand,
  ActionDecisionContext,
  ActionEvent,
  ActionNotFoundError,
  ActionState,
  ExistingAction,
  Actor,
  ACCESS_RULES,
  authorizeCommand,
  authorizeIdentityChange,
  canSeeArea,
  CommandMetadata,
  DomainEvent,
  PlanCommand,
  PlanEvent,
  PlanNotFoundError,
  PlanState,
  Principal,
  RoleGrant,
  UserAlreadyExistsError,
  UserCommand,
  UserEvent,
  UserState,
  MeetingCommand,
  MeetingDecisionContext,
  MeetingEvent,
  MeetingNotFoundError,
  MeetingState,
  MetricCommand,
  MetricDecisionContext,
  MetricEvent,
  MetricNotFoundError,
  MetricState,
  RiskCommand,
  RiskDecisionContext,
  RiskEvent,
  RiskNotFoundError,
  RiskState,
  ChallengeCommand,
  ChallengeDecisionContext,
  ChallengeEvent,
  ChallengeNotFoundError,
  ChallengeState,
  challengeDecider,
  challengeStream,
  actionDecider,
  actionStream,
  loadEvent,
  meetingDecider,
  meetingStream,
  metricDecider,
  metricStream,
  planDecider,
  planStream,
  riskDecider,
  riskStream,
  schemaVersionOf,
  userDecider,
  userStream,
} from '@send/domain';
import { CommandResult, Decider, EventStore, foldStream, handleCommand, StreamStateCache } from '@send/event-store';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';

/** A plan that has been created, whose actions take commands. */
type ActivePlan = Extract<PlanState, { status: 'active' }>;

export interface CommandOptions {
  /**
   * Who is asking. Every API call passes the signed-in person; `system` is for the operator's
   * own tools (e.g. creating the first administrator) and skips access checks.
   */
  principal: Principal | 'system';
  /** Who to record for a `system` write (e.g. an import on someone's behalf); ignored otherwise. */
  actor?: Actor;
  /** Client-supplied, so a retried request can be recognised; fresh otherwise. */
  commandId?: string;
  correlationId?: string;
  /** Overrides the clock: the demo loader replays a plan's history at the times it happened. */
  now?: string;
}

/**
 * The write side in one place: checks who may do it, builds each command's metadata, reads the
 * other streams a decision needs, and hands over to handleCommand. Resolvers and the demo loader
 * both use it, so the demo's history is made of exactly the events users make.
 */
@Injectable()
export class PlanCommandService {
  /** Streams' folded states between commands; see StreamStateCache for why this cannot serve a stale write. */
  private readonly cache: StreamStateCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'commandCacheBytes'>,
  ) {
    this.cache = new StreamStateCache(config?.commandCacheBytes);
  }

  executePlanCommand(command: PlanCommand, options: CommandOptions): Promise<CommandResult<PlanEvent, PlanState>> {
    return this.run(planStream(command.data.planId), planDecider, command, options, undefined, async (plan) => {
      if (command.type === 'CreatePlan') return this.authorize(options, command.type, command.data.localArea.id);
      if (plan.status !== 'active') return;
      return this.authorize(options, command.type, plan.localArea.id, undefined, () => new PlanNotFoundError(plan.planId));
    });
  }

  async executeActionCommand(
    command: ActionCommand,
    expectedRevision: bigint | undefined,
    options: CommandOptions,
  ): Promise<CommandResult<ActionEvent, ActionState>> {
    const context = await this.contextFor(command);
    const authorize = async (action: ActionState) => {
      if (command.type === 'AddAction') {
        const plan = context.plan;
        if (plan?.status !== 'active') return;
        return this.authorize(options, command.type, plan.localArea.id, undefined, () => new PlanNotFoundError(plan.planId));
      }
      if (!action.exists) return;
      const plan = await this.fold(planStream(action.planId), planDecider);
      if (plan.status !== 'active') return;
      return this.authorizeOnAction(options, command.type, action, plan);
    };
    return this.run(actionStream(command.data.actionId), actionDecider, command, options, context, authorize, expectedRevision);
  }

  executeUserCommand(command: UserCommand, options: CommandOptions): Promise<CommandResult<UserEvent, UserState>> {
    return this.run(userStream(command.data.userId), userDecider, command, options, undefined, async (user) => {
      const { principal } = options;
      if (principal === 'system') return;
      // Registering a person is not tied to one area: any plan administrator may do it.
      const anyAdministeredArea = principal.grants.find((g) => g.role === 'PLAN_ADMINISTRATOR')?.localAreaId ?? '';
      if (command.type === 'RegisterUser') return this.authorize(options, command.type, anyAdministeredArea);
      if (command.type !== 'SetUserEmail') return this.authorize(options, command.type, command.data.localAreaId);
      // The decider refuses a person who does not exist; access is only about people who do.
      if (!user.exists) return this.authorize(options, command.type, anyAdministeredArea);
      const role = authorizeIdentityChange(principal, user, ACCESS_RULES.SetUserEmail.what);
      return { actor: { userId: principal.userId, displayName: principal.displayName, role } };
    });
  }

  /**
   * Registers a person unless they already are, then grants each role they do not yet hold: how
   * the operator's CLI, the demo and the tests set people up. `commandIdFor` names each step's
   * command id (the register step is "register", a grant "grant:<role>:<area>"). `appended` counts
   * every event written, the email address among them.
   */
  async ensureUser(
    user: { userId: string; displayName: string; ownerId: string | null; email?: string | null },
    grants: RoleGrant[],
    options: Omit<CommandOptions, 'commandId'> & { commandIdFor?: (step: string) => string },
  ): Promise<{ registered: boolean; granted: number; appended: number }> {
    const { commandIdFor, ...common } = options;
    let registered = true;
    let appended = 0;
    try {
      appended += (await this.executeUserCommand({ type: 'RegisterUser', data: user }, { ...common, commandId: commandIdFor?.('register') })).events.length;
    } catch (error) {
      if (!(error instanceof UserAlreadyExistsError)) throw error;
      registered = false;
      if (user.email !== undefined) {
        const changed = await this.executeUserCommand({ type: 'SetUserEmail', data: { userId: user.userId, email: user.email } }, { ...common, commandId: commandIdFor?.(`email:${user.email}`) });
        appended += changed.events.length;
      }
    }
    let granted = 0;
    for (const { role, localAreaId } of grants) {
      const result = await this.executeUserCommand(
        { type: 'GrantRole', data: { userId: user.userId, role, localAreaId } },
        { ...common, commandId: commandIdFor?.(`grant:${role}:${localAreaId}`) },
      );
      granted += result.events.length;
    }
    return { registered, granted, appended: appended + granted };
  }

  async executeMeetingCommand(command: MeetingCommand, options: CommandOptions): Promise<CommandResult<MeetingEvent, MeetingState>> {
    const context: MeetingDecisionContext =
      command.type === 'RecordDecision' ? { action: await this.fold(actionStream(command.data.actionId), actionDecider) } : {};
    return this.run(meetingStream(command.data.meetingId), meetingDecider, command, options, context, async (meeting) => {
      const planId = command.type === 'ScheduleMeeting' ? command.data.planId : meeting.exists ? meeting.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      const hidden = () =>
        command.type === 'ScheduleMeeting' ? new PlanNotFoundError(planId) : new MeetingNotFoundError(command.data.meetingId);
      return this.authorize(options, command.type, plan.localArea.id, undefined, hidden);
    });
  }

  async executeMetricCommand(command: MetricCommand, options: CommandOptions): Promise<CommandResult<MetricEvent, MetricState>> {
    const definition = command.type === 'DefineMetric' || command.type === 'ReviseMetric' ? command.data : undefined;
    const context: MetricDecisionContext = {};
    return this.run(metricStream(command.data.metricId), metricDecider, command, options, context, async (metric) => {
      const planId = command.type === 'DefineMetric' ? command.data.planId : metric.exists ? metric.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      // The decision checks the linked actions against the plan; both are read once access is settled.
      context.plan = plan;
      if (definition) context.actions = await Promise.all(definition.actionIds.map((id) => this.fold(actionStream(id), actionDecider)));
      const hidden = () => (command.type === 'DefineMetric' ? new PlanNotFoundError(planId) : new MetricNotFoundError(command.data.metricId));
      return this.authorize(options, command.type, plan.localArea.id, undefined, hidden);
    });
  }

  async executeRiskCommand(command: RiskCommand, expectedRevision: bigint | undefined, options: CommandOptions): Promise<CommandResult<RiskEvent, RiskState>> {
    const links = command.type === 'RaiseRisk' || command.type === 'ChangeRiskLinks' ? command.data : undefined;
    const context: RiskDecisionContext = {};
    const authorize = async (risk: RiskState) => {
      const planId = command.type === 'RaiseRisk' ? command.data.planId : risk.exists ? risk.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      // The decision checks the links against the plan and its actions; both are read once access is settled.
      context.plan = plan;
      if (links) context.actions = Object.fromEntries(await Promise.all(links.actionIds.map(async (id) => [id, await this.fold(actionStream(id), actionDecider)] as const)));
      const hidden = () => (command.type === 'RaiseRisk' ? new PlanNotFoundError(planId) : new RiskNotFoundError(command.data.riskId));
      const ownerId = risk.exists ? risk.ownerId : undefined;
      return this.authorize(options, command.type, plan.localArea.id, ownerId, hidden);
    };
    return this.run(riskStream(command.data.riskId), riskDecider, command, options, context, authorize, expectedRevision);
  }

  async executeChallengeCommand(command: ChallengeCommand, options: CommandOptions): Promise<CommandResult<ChallengeEvent, ChallengeState>> {
    const context: ChallengeDecisionContext = {};
    const authorize = async (challenge: ChallengeState) => {
      const raising = command.type === 'RaiseChallenge' ? command.data : undefined;
      const planId = raising ? raising.planId : challenge.exists ? challenge.planId : undefined;
      if (planId === undefined) return;
      const plan = await this.fold(planStream(planId), planDecider);
      if (plan.status !== 'active') throw new PlanNotFoundError(planId);
      const hidden = () => (raising ? new PlanNotFoundError(planId) : new ChallengeNotFoundError(command.data.challengeId));
      // An answer is the owner's of what is asked about now (an action's delegates too), whoever owned it when asked.
      const subject = raising ? raising.subject : challenge.exists ? { kind: challenge.subjectKind, id: challenge.subjectId } : undefined;
      if (subject?.kind === 'ACTION') context.action = await this.fold(actionStream(subject.id), actionDecider);
      if (subject?.kind === 'RISK') context.risk = await this.fold(riskStream(subject.id), riskDecider);
      const owner = context.action?.exists ? context.action.owner.ownerId : context.risk?.exists ? context.risk.ownerId : undefined;
      const delegates = context.action?.exists ? Object.keys(context.action.delegates) : [];
      return this.authorize(options, command.type, plan.localArea.id, owner, hidden, delegates);
    };
    return this.run(challengeStream(command.data.challengeId), challengeDecider, command, options, context, authorize);
  }

  private run<C, E extends DomainEvent, S, X>(
    streamId: string,
    decider: Decider<C, E, S, CommandMetadata, X>,
    command: C,
    options: CommandOptions,
    context: X,
    authorize: (state: S) => Promise<{ actor: Actor } | undefined>,
    expectedRevision?: bigint,
  ): Promise<CommandResult<E, S>> {
    return handleCommand<C, E, S, CommandMetadata, X>(this.store, streamId, decider, command, {
      metadata: this.metadata(options),
      context,
      expectedRevision,
      load: loadEvent<E>,
      schemaVersionOf,
      authorize,
      cache: this.cache,
    });
  }

  /**
   * Refuses, before any other work, someone who may not send this kind of command to the action
   * now: the check the command itself runs, for requests that must not read a body first (an upload).
   */
  async requireMayActOn(commandType: ActionCommand['type'], actionId: string, principal: Principal): Promise<ExistingAction> {
    const action = await this.fold(actionStream(actionId), actionDecider);
    if (!action.exists) throw new ActionNotFoundError(actionId);
    const plan = await this.fold(planStream(action.planId), planDecider);
    if (plan.status !== 'active') throw new ActionNotFoundError(actionId);
    this.authorizeOnAction({ principal }, commandType, action, plan);
    return action;
  }

  /** An action's owner and delegates may act where the policy lets owners; anyone who cannot see its area is told it does not exist. */
  private authorizeOnAction(options: CommandOptions, commandType: ActionCommand['type'], action: ExistingAction, plan: ActivePlan): { actor: Actor } | undefined {
    const hidden = () => new ActionNotFoundError(action.actionId);
    return this.authorize(options, commandType, plan.localArea.id, action.owner.ownerId, hidden, Object.keys(action.delegates));
  }

  private authorize(
    options: CommandOptions,
    commandType: Parameters<typeof authorizeCommand>[1],
    localAreaId: string,
    actionOwnerId?: string,
    hidden?: () => Error,
    delegateUserIds: string[] = [],
  ): { actor: Actor } | undefined {
    const { principal } = options;
    if (principal === 'system') return undefined;
    if (hidden && !canSeeArea(principal, localAreaId)) throw hidden();
    const role = authorizeCommand(principal, commandType, localAreaId, actionOwnerId, delegateUserIds);
    return { actor: { userId: principal.userId, displayName: principal.displayName, role } };
  }

  private async contextFor(command: ActionCommand): Promise<ActionDecisionContext> {
    if (command.type === 'AddAction') {
      return { plan: await this.fold(planStream(command.data.planId), planDecider) };
    }
    if (command.type === 'SupersedeAction') {
      return { supersedingAction: await this.fold(actionStream(command.data.supersededByActionId), actionDecider) };
    }
    return {};
  }

  /** A stream's current state, rebuilt the way a command rebuilds it before deciding. */
  async fold<S, E extends PlanEvent | ActionEvent | MeetingEvent | MetricEvent | RiskEvent | ChallengeEvent>(
    streamId: string,
    decider: { initialState(): S; evolve(state: S, event: E): S },
  ): Promise<S> {
    const fold = { initialState: decider.initialState, evolve: decider.evolve, load: loadEvent<E> };
    return (await foldStream(this.store, streamId, fold, this.cache)).state;
  }

  private metadata(options: CommandOptions): CommandMetadata {
    const commandId = options.commandId ?? randomUUID();
    const actor = options.principal === 'system' ? (options.actor ?? { userId: 'system', displayName: 'System', role: 'SYSTEM' }) : null;
    return { now: options.now ?? this.clock.now(), commandId, correlationId: options.correlationId ?? commandId, actor };
  }
}
