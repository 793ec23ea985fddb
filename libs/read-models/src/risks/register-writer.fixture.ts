import { randomUUID } from 'node:crypto';
import { actionDecider, actionStream, Actor, ChallengeCommand, challengeDecider, ChallengeDecisionContext, challengeStream, DomainEvent, FollowUpCommand, followUpDecider, FollowUpDecisionContext, followUpStream, MeetingCommand, meetingDecider, MeetingDecisionContext, meetingStream, planDecider, planStream, RiskCommand, riskDecider, RiskDecisionContext, riskStream, schemaVersionOf, userDecider, userStream, currentVersionOf } from '@send/domain';
import { UpcastingEventStore, foldStream, handleCommand, SqliteEventStore, upcastOnRead } from '@send/event-store';
import { DataSource } from 'typeorm';
import { defaultProjections } from '../default-projections';
import { freshReadDatabase, ReadDatabaseKind, writeHistory } from '../projection/history.fixture';
import { ProjectionRunner } from '../projection/projection-runner';
import { openReadDatabase } from '../read-database';

/**
 * The app's write path for the register, the board's threads, meetings and action log without its Nest wiring (a lib's
 * tests may not load the app): the deciders through handleCommand, with the context the app's
 * command service reads.
 */
const fold = async <S, E>(store: UpcastingEventStore, streamId: string, decider: { initialState(): S; evolve(s: S, e: E): S }) =>
  (await foldStream(store, streamId, decider)).state;

const options = <X>(day: string, actor: Actor, context: X) => {
  const commandId = randomUUID();
  return { metadata: { now: `${day}T10:00:00.000Z`, commandId, correlationId: commandId, actor }, context, schemaVersionOf };
};

export async function sendRisk(store: UpcastingEventStore, command: RiskCommand, day: string, actor: Actor) {
  const state = await fold(store, riskStream(command.data.riskId), riskDecider);
  const planId = command.type === 'RaiseRisk' ? command.data.planId : state.exists ? state.planId : '';
  const actionIds = command.type === 'RaiseRisk' || command.type === 'ChangeRiskLinks' ? command.data.actionIds : [];
  const context: RiskDecisionContext = {
    plan: await fold(store, planStream(planId), planDecider),
    actions: Object.fromEntries(await Promise.all(actionIds.map(async (id) => [id, await fold(store, actionStream(id), actionDecider)]))),
  };
  return handleCommand(store, riskStream(command.data.riskId), riskDecider, command, options(day, actor, context));
}

export async function sendChallenge(store: UpcastingEventStore, command: ChallengeCommand, day: string, actor: Actor) {
  const context: ChallengeDecisionContext = {};
  if (command.type === 'RaiseChallenge') {
    const { kind, id } = command.data.subject;
    if (kind === 'ACTION') context.action = await fold(store, actionStream(id), actionDecider);
    else context.risk = await fold(store, riskStream(id), riskDecider);
  }
  return handleCommand(store, challengeStream(command.data.challengeId), challengeDecider, command, options(day, actor, context));
}

export async function sendMeeting(store: UpcastingEventStore, command: MeetingCommand, day: string, actor: Actor) {
  const context: MeetingDecisionContext = {};
  if (command.type === 'RecordDecision') context.action = await fold(store, actionStream(command.data.actionId), actionDecider);
  if (command.type === 'RecordPlanDecision' && command.data.subject.kind === 'RISK') context.risk = await fold(store, riskStream(command.data.subject.riskId), riskDecider);
  return handleCommand(store, meetingStream(command.data.meetingId), meetingDecider, command, options(day, actor, context));
}

export async function sendFollowUp(store: UpcastingEventStore, command: FollowUpCommand, day: string, actor: Actor, localAreaId?: string) {
  const context: FollowUpDecisionContext = { localAreaId };
  if (command.type === 'RaiseFollowUp') {
    context.meeting = await fold(store, meetingStream(command.data.meetingId), meetingDecider);
    if (command.data.owner.userId) context.ownerUser = await fold(store, userStream(command.data.owner.userId), userDecider);
  }
  return handleCommand(store, followUpStream(command.data.followUpId), followUpDecider, command, options(day, actor, context));
}

/**
 * A store with the shared test history, projected live into a fresh read database of the kind
 * asked for; `close` stops and removes everything.
 */
export async function projectedHistory(kind: ReadDatabaseKind): Promise<{ store: UpcastingEventStore; dataSource: DataSource; runner: ProjectionRunner; close(): Promise<void> }> {
  const store = upcastOnRead(new SqliteEventStore({ filename: ':memory:', pollIntervalMs: 20 }), currentVersionOf);
  const db = await freshReadDatabase(kind);
  const dataSource = await openReadDatabase(db.config);
  const runner = new ProjectionRunner(store, dataSource, defaultProjections());
  await runner.start();
  await writeHistory(store);
  return {
    store,
    dataSource,
    runner,
    async close() {
      await runner.stop();
      await dataSource.destroy();
      await store.close();
      await db.drop();
    },
  };
}
