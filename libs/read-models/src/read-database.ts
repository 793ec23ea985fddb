import { BackgroundCheckpointer, leaveCheckpointsToTheThread } from '@send/event-store';
import { DataSource, QueryRunner } from 'typeorm';
import { ActionPriorityEntity } from './actions/action-priority.entity';
import { ActionEntity } from './actions/action.entity';
import { EvidenceEntity } from './evidence/evidence.entity';
import { MilestoneEntity } from './milestones/milestone.entity';
import { OwnerEntity } from './owners/owner.entity';
import { OwnerRecordEntity } from './owner-records/owner-record.entity';
import { PlanAreaEntity } from './plans/plan-area.entity';
import { PlanPriorityEntity } from './plans/plan-priority.entity';
import { PlanEntity } from './plans/plan.entity';
import { UpdateRoundEntity } from './plans/update-round.entity';
import { ProjectionCheckpointEntity } from './projection/projection-checkpoint.entity';
import { ReadModelSchemaEntity } from './projection/read-model-schema.entity';
import { TimelineEntryEntity } from './timeline/timeline-entry.entity';
import { RoleGrantEntity } from './users/role-grant.entity';
import { DecisionEntity } from './meetings/decision.entity';
import { MeetingEntity } from './meetings/meeting.entity';
import { UserEntity } from './users/user.entity';
import { MetricEntity } from './scorecard/metric.entity';
import { ChainHeadMailEntity } from './history-heads/chain-head-mail.entity';
import { MeasurementEntity } from './scorecard/measurement.entity';
import { MetricTargetEntity } from './scorecard/metric-target.entity';
import { ComparatorEntity } from './scorecard/comparator.entity';
import { ReminderEntity } from './reminders/reminder.entity';
import { SignInLinkEntity } from './sign-in/sign-in-link.entity';
import { RiskEntity } from './risks/risk.entity';
import { RiskScoreEntity } from './risks/risk-score.entity';
import { HighNeedsPositionEntity } from './finance/high-needs-position.entity';
import { HighNeedsYearEntity } from './finance/high-needs-year.entity';
import { HighNeedsForecastEntity } from './finance/high-needs-forecast.entity';
import { HighNeedsTrajectoryEntity } from './finance/high-needs-trajectory.entity';
import { MitigationEntity } from './risks/mitigation.entity';
import { ChallengeEntity } from './challenges/challenge.entity';
import { ChallengeMessageEntity } from './challenges/challenge-message.entity';
import { DependencyEntity } from './dependencies/dependency.entity';
import { DependencyNetworkEntity } from './dependencies/dependency-network.entity';
import { PlanDecisionEntity } from './meetings/plan-decision.entity';
import { FollowUpEntity } from './follow-ups/follow-up.entity';
import { FollowUpNoteEntity } from './follow-ups/follow-up-note.entity';
import { ConditionEntity } from './conditions/condition.entity';
import { ConditionWordingEntity } from './conditions/condition-wording.entity';
import { ConditionStatusEntity } from './conditions/condition-status.entity';
import { PlanFundingEntity } from './finance/plan-funding.entity';
import { ActionFinanceRecordEntity } from './finance/action-finance-record.entity';
import { PrioritySavingsTargetEntity } from './finance/priority-savings-target.entity';

export type ReadDatabaseConfig = { type: 'sqlite'; filename: string } | { type: 'postgres'; url: string };

export const READ_MODEL_ENTITIES = [
  PlanEntity,
  PlanAreaEntity,
  PlanPriorityEntity,
  UpdateRoundEntity,
  ActionEntity,
  ActionPriorityEntity,
  MilestoneEntity,
  EvidenceEntity,
  OwnerEntity,
  OwnerRecordEntity,
  TimelineEntryEntity,
  UserEntity,
  RoleGrantEntity,
  MeetingEntity,
  DecisionEntity,
  MetricEntity,
  MeasurementEntity,
  MetricTargetEntity,
  ComparatorEntity,
  ReminderEntity,
  ChainHeadMailEntity,
  SignInLinkEntity,
  RiskEntity,
  RiskScoreEntity,
  HighNeedsPositionEntity,
  HighNeedsYearEntity,
  HighNeedsForecastEntity,
  HighNeedsTrajectoryEntity,
  MitigationEntity,
  ChallengeEntity,
  ChallengeMessageEntity,
  DependencyEntity,
  DependencyNetworkEntity,
  PlanDecisionEntity,
  FollowUpEntity,
  FollowUpNoteEntity,
  ConditionEntity,
  ConditionWordingEntity,
  ConditionStatusEntity,
  PlanFundingEntity,
  ActionFinanceRecordEntity,
  PrioritySavingsTargetEntity,
  ProjectionCheckpointEntity,
  ReadModelSchemaEntity,
];

/**
 * Bump whenever an entity or a projection changes what it stores. (A new table that no projection
 * writes, like sign_in_links, needs no bump: the open below creates it, and nothing is replayed.)
 * A database holding another version is emptied on open and the projections replay the event store into it.
 */
export const READ_MODEL_SCHEMA_VERSION = 19;

/**
 * Opens the read database and brings its tables to the entities' shape. Read models hold nothing
 * that the event store does not, so a database of another schema version is simply dropped and
 * rebuilt by replay rather than migrated. (The one other table, sign_in_links, holds only links
 * valid for minutes; dropping it means asking for a new one.)
 */
export async function openReadDatabase(
  config: ReadDatabaseConfig,
  options: { dropSchema?: boolean; onSchemaReset?: (from: number | undefined) => void } = {},
): Promise<DataSource> {
  const dataSource = await connect(config);
  const stored = await storedSchemaVersion(dataSource);
  const reset = options.dropSchema === true || (stored !== undefined && stored !== READ_MODEL_SCHEMA_VERSION);
  if (reset && !options.dropSchema) options.onSchemaReset?.(stored);
  await dataSource.synchronize(reset);
  await dataSource.getRepository(ReadModelSchemaEntity).save({ id: 1, version: READ_MODEL_SCHEMA_VERSION });
  return dataSource;
}

/** The stored version; 0 for read models from before versioning; undefined for a new database. */
async function storedSchemaVersion(dataSource: DataSource): Promise<number | undefined> {
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable('read_model_schema'))) {
      return (await runner.hasTable('projection_checkpoints')) ? 0 : undefined;
    }
  } finally {
    await runner.release();
  }
  const row = await dataSource.getRepository(ReadModelSchemaEntity).findOneBy({ id: 1 });
  return row?.version ?? 0;
}

async function connect(config: ReadDatabaseConfig): Promise<DataSource> {
  const common = { entities: READ_MODEL_ENTITIES, synchronize: false, logging: false };
  const inFile = config.type === 'sqlite' && config.filename !== ':memory:' && config.filename !== '';
  const dataSource =
    config.type === 'sqlite'
      ? new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: config.filename,
          enableWAL: true,
          prepareDatabase: (db: { pragma(sql: string): unknown }) => {
            db.pragma('busy_timeout = 5000');
            // Read models are derived: a commit lost to a power cut takes its checkpoint with it
            // (same transaction), and the projections apply those events again. WAL with NORMAL
            // never loses consistency, only the last commits, so the fsync per batch is not needed.
            db.pragma('synchronous = NORMAL');
            // Reads come from memory-mapped pages and a 64 MB page cache rather than a system call per page.
            db.pragma('cache_size = -65536');
            db.pragma('mmap_size = 1073741824');
            // Checkpoints run on a thread of their own (below), not inside a projection batch's commit.
            if (inFile) leaveCheckpointsToTheThread(db);
          },
        })
      : new DataSource({ ...common, type: 'postgres', url: config.url, extra: { max: 10 } });
  await dataSource.initialize();
  if (config.type === 'sqlite') keepTransactionStateTrue(dataSource);
  if (inFile) stopCheckpointsOnDestroy(dataSource, new BackgroundCheckpointer(config.filename));
  return dataSource;
}

interface SqliteConnection {
  readonly inTransaction: boolean;
}

/**
 * A COMMIT that fails on a read-only, full or failing disk is rolled back by SQLite itself.
 * TypeORM then sends ROLLBACK, which fails ("no transaction is active"), and goes on believing a
 * transaction is open: its next transaction starts as a SAVEPOINT, which opens a real transaction
 * that TypeORM later only "releases" as if nested. From then on every projection batch (with its
 * checkpoint) lands in one transaction that is never committed, even once the disk is writable
 * again: the api looks fine while nothing reaches the file, until a restart throws it all away.
 * So after every rollback TypeORM's idea of the transaction is made to agree with SQLite's.
 */
function keepTransactionStateTrue(dataSource: DataSource): void {
  const driver = dataSource.driver as unknown as { databaseConnection: SqliteConnection; createQueryRunner(mode: unknown): QueryRunner };
  const create = driver.createQueryRunner.bind(driver);
  const kept = new WeakSet<QueryRunner>();
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    if (kept.has(runner)) return runner;
    kept.add(runner);
    const rollback = runner.rollbackTransaction.bind(runner);
    runner.rollbackTransaction = async () => {
      try {
        await rollback();
      } finally {
        if (!driver.databaseConnection.inTransaction) {
          const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
          state.isTransactionActive = false;
          state.transactionDepth = 0;
        }
      }
    };
    return runner;
  };
}

/** Every owner of a read database closes it with destroy(); the checkpoint thread ends first, with a last checkpoint. */
function stopCheckpointsOnDestroy(dataSource: DataSource, checkpointer: BackgroundCheckpointer): void {
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await checkpointer.stop();
    await destroy();
  };
}
