import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  ActionCommand,
  actionDecider,
  ActionDecisionContext,
  ActionOwner,
  actionStream,
  Actor,
  DomainEvent,
  PlanCommand,
  planDecider,
  planStream,
  schemaVersionOf,
} from '@send/domain';
import { UpcastingEventStore, foldStream, GlobalPosition, handleCommand, actionIdFor, ownerIdFor } from '@send/event-store';
import { createFreshDatabase, describeWithPostgres, testPostgresUrl } from '../../../../test/support/test-postgres';
import { DataSource } from 'typeorm';
import { ReadDatabaseConfig } from '../read-database';

export type ReadDatabaseKind = 'sqlite' | 'postgres';

export const READ_DATABASE_KINDS: ReadDatabaseKind[] = ['sqlite', 'postgres'];

/** PostgreSQL suites skip loudly (never silently) when the harness found no server. */
export const describeOn = (kind: ReadDatabaseKind) => (kind === 'postgres' ? describeWithPostgres : describe);

/** An empty read database of the given kind, and how to get rid of it. */
export async function freshReadDatabase(kind: ReadDatabaseKind): Promise<{ config: ReadDatabaseConfig; drop(): Promise<void> }> {
  if (kind === 'postgres') {
    const db = await createFreshDatabase(testPostgresUrl()!);
    return { config: { type: 'postgres', url: db.url }, drop: () => db.drop() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'send-read-models-'));
  return { config: { type: 'sqlite', filename: join(dir, 'read.db') }, drop: () => rm(dir, { recursive: true, force: true }) };
}

const person = (name: string, role: string, organisation: string): ActionOwner => ({
  ownerId: ownerIdFor(name, organisation),
  name,
  role,
  organisation,
});

export const PEOPLE = {
  director: person('Helen Marsh', 'Director of Education and Skills', 'Council'),
  finance: person('Rachel Whitfield', 'Finance Lead – High Needs', 'Council'),
  assessment: person('Tom Okafor', 'Head of SEND Assessment and Review', 'Council'),
  sendAp: person('Daniel Price', 'SEND and AP Lead', 'Council'),
  neighbourFinance: person('Dana Brooks', 'Finance Lead – High Needs', 'Neighbouring Council'),
  clinical: person('Dr Aisha Rahman', 'Designated Clinical Officer', 'NHS Dorset ICB'),
};

const asOwner = (owner: ActionOwner): Actor => ({ userId: owner.ownerId, displayName: owner.name, role: 'action-owner' });
export const PROGRAMME_OFFICE: Actor = { userId: 'programme-office', displayName: 'SEND Programme Office', role: 'programme-office' };
export const BOARD_CHAIR: Actor = { userId: 'board-chair', displayName: 'Prof. Judith Ashworth', role: 'board-chair' };
/** No display name: the evidence register must fall back to the user id. */
export const BOARD_SECRETARY: Actor = { userId: 'board-secretary' };

export const PLAN_A = 'plan-send-ap-2025';
export const PLAN_B = 'plan-neighbour-2025';

/** The day the queries are asked on, after the whole history. Plan A counts stale after 30 days. */
export const TODAY = '2026-02-01';

/** Action ids by plan and ref, e.g. `ids.a['8.2']`. */
export const ids = {
  a: Object.fromEntries(['1.9', '1.10', '5.6', '6.1', '6.3', '8.2', '8.9', '8.10'].map((r) => [r, actionIdFor(PLAN_A, r)])),
  b: Object.fromEntries(['8.2', '4.1'].map((r) => [r, actionIdFor(PLAN_B, r)])),
};

/**
 * Writes commands the way the app's command service does for the operator's own tools (no
 * access checks): the domain's deciders through handleCommand, with the same decision context.
 * A lib's tests may not load the app, so this is the service's write path without its Nest wiring.
 */
export class HistoryWriter {
  constructor(private readonly store: UpcastingEventStore) {}

  plan(command: PlanCommand, now: string, actor: Actor) {
    return handleCommand(this.store, planStream(command.data.planId), planDecider, command, this.options(now, actor, undefined));
  }

  async action(command: ActionCommand, now: string, actor: Actor) {
    const context: ActionDecisionContext =
      command.type === 'AddAction'
        ? { plan: await this.fold(planStream(command.data.planId), planDecider) }
        : command.type === 'SupersedeAction'
          ? { supersedingAction: await this.fold(actionStream(command.data.supersededByActionId), actionDecider) }
          : {};
    return handleCommand(this.store, actionStream(command.data.actionId), actionDecider, command, this.options(now, actor, context));
  }

  private async fold<S, E>(streamId: string, decider: { initialState(): S; evolve(state: S, event: E): S }): Promise<S> {
    return (await foldStream(this.store, streamId, decider)).state;
  }

  private options<X>(now: string, actor: Actor, context: X) {
    const commandId = randomUUID();
    return { metadata: { now, commandId, correlationId: commandId, actor }, context, schemaVersionOf };
  }
}

export interface History {
  writer: HistoryWriter;
  lastPosition: GlobalPosition;
}

type Step = [day: string, actor: Actor, command: ActionCommand];
type Cmd<T extends ActionCommand['type']> = Extract<ActionCommand, { type: T }>['data'];
const cmd = <T extends ActionCommand['type']>(type: T, data: Cmd<T>) => ({ type, data }) as ActionCommand;

function addAction(planId: string, ref: string, owner: ActionOwner, title: string, dueDate: string, priorityNumbers: number[]): ActionCommand {
  const milestones = ref === '8.2' && planId === PLAN_A ? [{ milestoneId: 'ms-draft', title: 'Recovery plan drafted', dueDate: '2025-12-01' }] : [];
  return cmd('AddAction', {
    actionId: actionIdFor(planId, ref),
    planId,
    ref,
    areaNumber: Number(ref.split('.')[0]),
    priorityNumbers,
    title,
    description: `${title}, as agreed by the SEND Improvement Board.`,
    intendedImpact: 'Children and young people with SEND get the right support sooner.',
    owner,
    leadOrganisation: owner.organisation,
    dueDate,
    milestones,
  });
}

const progress = (actionId: string, rag: 'RED' | 'AMBER' | 'GREEN', asAt: string) =>
  cmd('ReportProgress', { actionId, rag, asAt, commentary: `${rag.toLowerCase()} as at ${asAt}` });
const review = (actionId: string, evidenceId: string, reason?: string) =>
  cmd('ReviewEvidence', { actionId, evidenceId, decision: reason ? 'REJECT' : 'ACCEPT', reason });

/**
 * Two plans and ten actions written through the deciders at the times they happened, so every
 * action event type appears with real metadata. Refs 1.9/1.10 and
 * 8.9/8.10 check that listing follows plan order rather than string order.
 */
export async function writeHistory(store: UpcastingEventStore): Promise<History> {
  const writer = new HistoryWriter(store);
  const at = (day: string) => `${day}T10:00:00.000Z`;
  const plan = (command: PlanCommand, day: string) => writer.plan(command, at(day), PROGRAMME_OFFICE);
  const localArea = (id: string, name: string) => ({ id, name });
  await plan({ type: 'CreatePlan', data: { planId: PLAN_A, localArea: localArea('la-a', 'Coastal Unitary'), title: 'SEND and AP Improvement Plan', version: '2.0', approvedOn: '2025-09-18' } }, '2025-09-20');
  await plan({ type: 'ChangeStaleThreshold', data: { planId: PLAN_A, staleAfterDays: 30 } }, '2025-09-21');
  await plan({ type: 'CreatePlan', data: { planId: PLAN_B, localArea: localArea('la-b', 'Neighbouring Area'), title: 'SEND Improvement Plan', version: '1.0', approvedOn: '2025-09-01', staleAfterDays: 28 } }, '2025-09-21');

  const { a, b } = ids;
  const [po, chair, director] = [PROGRAMME_OFFICE, BOARD_CHAIR, asOwner(PEOPLE.director)];
  const steps: Step[] = [
    ['2025-09-22', po, addAction(PLAN_A, '8.2', PEOPLE.finance, 'Develop and deliver the High Needs Block deficit recovery plan', '2026-01-31', [7])],
    ['2025-09-22', po, addAction(PLAN_A, '1.9', PEOPLE.director, 'Refresh the Improvement Board terms of reference', '2025-12-31', [7])],
    ['2025-09-22', po, addAction(PLAN_A, '1.10', PEOPLE.director, 'Quarterly progress reporting to the DfE', '2026-06-30', [7])],
    ['2025-09-22', po, addAction(PLAN_A, '5.6', PEOPLE.assessment, 'SEND admissions redesign', '2026-04-30', [6])],
    ['2025-09-22', po, addAction(PLAN_A, '6.1', PEOPLE.sendAp, 'Specialist places pipeline 2025/26', '2026-08-31', [5])],
    ['2025-09-22', po, addAction(PLAN_A, '8.9', PEOPLE.assessment, 'Pre-EHCP funding model', '2026-01-31', [7, 2])],
    ['2025-09-22', po, addAction(PLAN_A, '8.10', PEOPLE.assessment, 'EHCP AI writer for case officers', '2026-05-31', [6])],
    ['2025-09-26', po, addAction(PLAN_B, '8.2', PEOPLE.neighbourFinance, 'High Needs Block deficit recovery plan', '2026-03-31', [7])],
    ['2025-09-26', po, addAction(PLAN_B, '4.1', PEOPLE.clinical, 'Inclusion adviser pilot', '2026-02-28', [1])],
    ['2025-10-02', director, progress(a['1.9'], 'RED', '2025-10-01')],
    ['2025-10-15', asOwner(PEOPLE.finance), progress(a['8.2'], 'AMBER', '2025-10-15')],
    ['2025-10-20', po, cmd('ReassignOwner', { actionId: a['8.2'], owner: PEOPLE.director, reason: 'Director now leads deficit recovery' })],
    ['2025-10-20', asOwner(PEOPLE.sendAp), progress(a['6.1'], 'AMBER', '2025-10-20')],
    ['2025-11-05', po, cmd('WithdrawAction', { actionId: a['5.6'], reason: 'Folded into the admissions review' })],
    ['2025-11-20', director, progress(a['8.2'], 'GREEN', '2025-11-20')],
    ['2025-11-28', director, cmd('CompleteMilestone', { actionId: a['8.2'], milestoneId: 'ms-draft', completedOn: '2025-11-28' })],
    ['2025-11-28', director, cmd('AddMilestone', { actionId: a['8.2'], milestoneId: 'ms-governance', title: 'Recovery plan governance live', dueDate: '2026-01-15' })],
    ['2025-11-30', po, addAction(PLAN_A, '6.3', PEOPLE.sendAp, 'Sufficiency strategy and proactive commissioning', '2026-03-31', [5])],
    ['2025-12-01', po, cmd('SupersedeAction', { actionId: a['6.1'], supersededByActionId: a['6.3'], reason: 'Merged into the sufficiency strategy' })],
    ['2025-12-01', director, cmd('RescheduleDueDate', { actionId: a['8.2'], dueDate: '2026-03-31', reason: 'Governance go-live moved to the January board' })],
    ['2025-12-01', asOwner(PEOPLE.neighbourFinance), progress(b['8.2'], 'RED', '2025-12-01')],
    ['2025-12-05', director, cmd('AttachEvidence', { actionId: a['8.2'], evidenceId: 'ev-draft', kind: 'ACTIVITY', title: 'Draft recovery plan', documentReference: 'SIB-2025-12-04', submittedBy: 'Helen Marsh' })],
    ['2025-12-10', chair, review(a['8.2'], 'ev-draft', 'Reconcile with the Q2 forecast gap of £71m')],
    ['2025-12-10', director, progress(a['1.10'], 'AMBER', '2025-12-10')],
    ['2025-12-12', asOwner(PEOPLE.clinical), cmd('AttachEvidence', { actionId: b['4.1'], evidenceId: 'ev-advisers', kind: 'ACTIVITY', title: 'Three inclusion advisers appointed', link: 'https://example.org/advisers', submittedBy: 'Dr Aisha Rahman' })],
    ['2025-12-15', BOARD_SECRETARY, review(b['4.1'], 'ev-advisers')],
    ['2025-12-20', asOwner(PEOPLE.assessment), progress(a['8.10'], 'GREEN', '2025-12-20')],
    ['2026-01-05', asOwner(PEOPLE.assessment), progress(a['8.9'], 'AMBER', '2026-01-05')],
    ['2026-01-08', director, cmd('CompleteMilestone', { actionId: a['8.2'], milestoneId: 'ms-governance', completedOn: '2026-01-08' })],
    ['2026-01-08', director, cmd('AttachEvidence', { actionId: a['8.2'], evidenceId: 'ev-minutes', kind: 'IMPACT', title: 'Board minutes approving the recovery plan', link: 'https://example.org/minutes', submittedBy: 'Helen Marsh' })],
    ['2026-01-10', chair, review(a['8.2'], 'ev-minutes')],
    ['2026-01-12', chair, cmd('MarkComplete', { actionId: a['8.2'], commentary: 'Recovery plan approved', asAt: '2026-01-12' })],
    ['2026-01-14', chair, cmd('ReopenAction', { actionId: a['8.2'], reason: 'DfE asked for the forecast to be refreshed' })],
    ['2026-01-15', director, progress(a['1.10'], 'GREEN', '2026-01-15')],
    ['2026-01-16', asOwner(PEOPLE.assessment), cmd('RateDeliveryConfidence', { actionId: a['8.10'], confidence: 'HIGH', asAt: '2026-01-15', commentary: 'Case officers report drafting time halved' })],
    ['2026-01-20', chair, cmd('MarkComplete', { actionId: a['8.2'], commentary: 'Refreshed forecast accepted', asAt: '2026-01-20' })],
    ['2026-01-21', chair, cmd('RateDeliveryConfidence', { actionId: a['8.10'], confidence: 'MEDIUM', asAt: '2026-01-21', commentary: 'Drafts are quicker, but 20-week timeliness has not moved yet' })],
  ];
  for (const [day, actor, command] of steps) {
    await writer.action(command, at(day), actor);
  }
  await plan({ type: 'ApprovePlanRevision', data: { planId: PLAN_A, version: '2.1', approvedOn: '2026-01-21' } }, '2026-01-21');
  return { writer, lastPosition: (await store.headPosition())! };
}

export type TableSnapshot = Record<string, Record<string, string | null>[]>;

/**
 * Every read-model table, rows in primary-key order, every value as a string: PostgreSQL hands
 * back bigint as a string and SQLite as a number, and neither difference is a change of content.
 */
/** Every index in the read database with its definition, as the database itself describes it. */
export async function indexesOf(dataSource: DataSource): Promise<string[]> {
  const rows: { definition: string | null }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`)
      : await dataSource.query(`SELECT name || ': ' || coalesce(sql, 'automatic') AS definition FROM sqlite_master WHERE type = 'index' ORDER BY name`);
  return rows.map((r) => String(r.definition));
}

export async function snapshotTables(dataSource: DataSource): Promise<TableSnapshot> {
  const snapshot: TableSnapshot = {};
  const tables = [...dataSource.entityMetadatas].sort((x, y) => x.tableName.localeCompare(y.tableName));
  for (const table of tables) {
    const keys = table.primaryColumns.map((c) => c.databaseName);
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM "${table.tableName}" ORDER BY ${keys.map((k) => `"${k}"`).join(', ')}`,
    );
    const keyOf = (row: Record<string, string | null>) => keys.map((k) => row[k]).join('\u0000');
    snapshot[table.tableName] = rows
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)])))
      // Sorted again here because the two databases collate text differently.
      .sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : 0));
  }
  return snapshot;
}

export async function checkpointsOf(dataSource: DataSource): Promise<Record<string, string>> {
  const rows: { name: string; position: unknown }[] = await dataSource.query('SELECT * FROM "projection_checkpoints"');
  return Object.fromEntries(rows.map((r) => [r.name, String(r.position)]));
}
