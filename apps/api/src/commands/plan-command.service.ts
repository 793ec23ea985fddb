import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ActionCommand,
  ActionDecisionContext,
  ActionEvent,
  ActionState,
  Actor,
  CommandMetadata,
  PlanCommand,
  PlanEvent,
  PlanState,
} from '@send/domain';
import { CommandResult, EventStore, handleCommand } from '@send/event-store';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { actionDecider, actionStream, loadEvent, planDecider, planStream, schemaVersionOf } from './plan-deciders';

export interface CommandOptions {
  /** Client-supplied, so a retried request can be recognised; fresh otherwise. */
  commandId?: string;
  correlationId?: string;
  actor?: Actor | null;
  /** Overrides the clock: the demo loader replays a plan's history at the times it happened. */
  now?: string;
}

/**
 * The write side in one place: builds each command's metadata, reads the other streams a
 * decision needs, and hands over to handleCommand. Resolvers and the demo loader both use it,
 * so the demo's history is made of exactly the events users make.
 */
@Injectable()
export class PlanCommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async executePlanCommand(command: PlanCommand, options: CommandOptions = {}): Promise<CommandResult<PlanEvent, PlanState>> {
    return handleCommand<PlanCommand, PlanEvent, PlanState, CommandMetadata, void>(this.store, planStream(command.data.planId), planDecider, command, {
      metadata: this.metadata(options),
      context: undefined,
      load: loadEvent<PlanEvent>,
      schemaVersionOf,
    });
  }

  async executeActionCommand(
    command: ActionCommand,
    expectedRevision: bigint | undefined,
    options: CommandOptions = {},
  ): Promise<CommandResult<ActionEvent, ActionState>> {
    return handleCommand<ActionCommand, ActionEvent, ActionState, CommandMetadata, ActionDecisionContext>(
      this.store,
      actionStream(command.data.actionId),
      actionDecider,
      command,
      {
        metadata: this.metadata(options),
        context: await this.contextFor(command),
        expectedRevision,
        load: loadEvent<ActionEvent>,
        schemaVersionOf,
      },
    );
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

  private async fold<S, E extends PlanEvent | ActionEvent>(
    streamId: string,
    decider: { initialState(): S; evolve(state: S, event: E): S },
  ): Promise<S> {
    const events = await this.store.readStream(streamId);
    return events.reduce((state, recorded) => decider.evolve(state, loadEvent<E>(recorded)), decider.initialState());
  }

  private metadata(options: CommandOptions): CommandMetadata {
    const commandId = options.commandId ?? randomUUID();
    return {
      now: options.now ?? this.clock.now(),
      commandId,
      correlationId: options.correlationId ?? commandId,
      actor: options.actor ?? null,
    };
  }
}
