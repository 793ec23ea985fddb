import { randomUUID } from 'node:crypto';
import { actionDecider, actionStream, Actor, DependencyCommand, dependencyDecider, dependencyNetworkStream, DomainEvent, planDecider, planStream, schemaVersionOf } from '@send/domain';
import { UpcastingEventStore, foldStream, handleCommand } from '@send/event-store';

const fold = async <S, E>(store: UpcastingEventStore, streamId: string, decider: { initialState(): S; evolve(s: S, e: E): S }) =>
  (await foldStream(store, streamId, decider)).state;

/** The app's write path for dependencies without its Nest wiring: the decider through handleCommand, with the context the app's command service reads. */
export async function sendDependency(store: UpcastingEventStore, command: DependencyCommand, day: string, actor: Actor) {
  const { planId, actionId, dependsOnActionId } = command.data;
  const context = {
    plan: await fold(store, planStream(planId), planDecider),
    action: await fold(store, actionStream(actionId), actionDecider),
    dependsOnAction: await fold(store, actionStream(dependsOnActionId), actionDecider),
  };
  const commandId = randomUUID();
  const metadata = { now: `${day}T10:00:00.000Z`, commandId, correlationId: commandId, actor };
  return handleCommand(store, dependencyNetworkStream(planId), dependencyDecider, command, { metadata, context, schemaVersionOf });
}
