import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ActionCommand,
  ActionEvent,
  ActionNotFoundError,
  Actor,
  authorizeCommand,
  canSeeArea,
  CommandMetadata,
  DomainEvent,
  ExistingAction,
  MeetingEvent,
  MetricEvent,
  PlanEvent,
  PlanState,
  Principal,
  RiskEvent,
  ChallengeEvent,
  schemaVersionOf,
} from '@send/domain';
import { CommandResult, Decider, foldStream, handleCommand, StreamStateCache, UpcastingEventStore } from '@send/event-store';
import { Clock } from '../../common/clock';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.provider';

/** A plan that has been created, whose actions take commands. */
export type ActivePlan = Extract<PlanState, { status: 'active' }>;

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
 * What every concept's command handling shares: builds each command's metadata, folds the other
 * streams a decision needs, checks who may do it, and hands over to handleCommand, all through
 * one cache of folded stream states. Each concept's own rules sit in its folder
 * (`plans/plan-commands.service.ts`, `actions/action-commands.service.ts`, …).
 */
@Injectable()
export class CommandRunner {
  /** Streams' folded states between commands; see StreamStateCache for why this cannot serve a stale write. */
  private readonly cache: StreamStateCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
    private readonly clock: Clock,
    @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'commandCacheBytes'>,
  ) {
    this.cache = new StreamStateCache(config?.commandCacheBytes);
  }

  run<C, E extends DomainEvent, S, X>(
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
      schemaVersionOf,
      authorize,
      cache: this.cache,
    });
  }

  /** A stream's current state, rebuilt the way a command rebuilds it before deciding. */
  async fold<S, E extends DomainEvent>(
    streamId: string,
    decider: { initialState(): S; evolve(state: S, event: E): S },
  ): Promise<S> {
    return (await foldStream(this.store, streamId, decider, this.cache)).state;
  }

  /** An action's owner and delegates may act where the policy lets owners; anyone who cannot see its area is told it does not exist. */
  authorizeOnAction(options: CommandOptions, commandType: ActionCommand['type'], action: ExistingAction, plan: ActivePlan): { actor: Actor } | undefined {
    const hidden = () => new ActionNotFoundError(action.actionId);
    return this.authorize(options, commandType, plan.localArea.id, action.owner.ownerId, hidden, Object.keys(action.delegates));
  }

  authorize(
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

  private metadata(options: CommandOptions): CommandMetadata {
    const commandId = options.commandId ?? randomUUID();
    const actor = options.principal === 'system' ? (options.actor ?? { userId: 'system', displayName: 'System', role: 'SYSTEM' }) : null;
    return { now: options.now ?? this.clock.now(), commandId, correlationId: options.correlationId ?? commandId, actor };
  }
}
