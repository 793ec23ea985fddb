import { randomUUID } from 'node:crypto';
import {
  ActionCommand,
  ActionDecisionContext,
  CommandMetadata,
  PlanCommand,
  actionDecider,
  actionStream,
  planDecider,
  planStream,
} from '@send/domain';
import { CommandOptions } from '../../apps/api/src/commands/runner/command-runner.service';
import { CommandPath } from '../national-dataset';
import { PeerStore } from './peer-store';

/**
 * The benchmark's command path on a peer store: the same commands and deciders as
 * PlanCommandService, without its access checks and without live projections. An AddAction
 * reads its plan first, as ours does; other action commands read only their own stream.
 */
export function peerCommandPath(store: PeerStore): CommandPath {
  const metadataOf = (options: CommandOptions): CommandMetadata => {
    const commandId = options.commandId ?? randomUUID();
    return { now: options.now ?? new Date().toISOString(), commandId, correlationId: options.correlationId ?? commandId, actor: null };
  };
  return {
    executePlanCommand: (command: PlanCommand, options: CommandOptions) =>
      store.handle(planStream(command.data.planId), planDecider, command, metadataOf(options), undefined),
    async executeActionCommand(command: ActionCommand, _expectedRevision: bigint | undefined, options: CommandOptions) {
      const context: ActionDecisionContext = command.type === 'AddAction' ? { plan: await store.fold(planStream(command.data.planId), planDecider) } : {};
      return store.handle(actionStream(command.data.actionId), actionDecider, command, metadataOf(options), context);
    },
  };
}
