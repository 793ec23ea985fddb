import { DataSource } from 'typeorm';
import { ActionPriorityEntity } from './actions/action-priority.entity';
import { ActionEntity } from './actions/action.entity';
import { EvidenceEntity } from './evidence/evidence.entity';
import { MilestoneEntity } from './milestones/milestone.entity';
import { OwnerEntity } from './owners/owner.entity';
import { PlanAreaEntity } from './plans/plan-area.entity';
import { PlanPriorityEntity } from './plans/plan-priority.entity';
import { PlanEntity } from './plans/plan.entity';
import { ProjectionCheckpointEntity } from './projection/projection-checkpoint.entity';
import { TimelineEntryEntity } from './timeline/timeline-entry.entity';
import { RoleGrantEntity } from './users/role-grant.entity';
import { UserEntity } from './users/user.entity';

export type ReadDatabaseConfig = { type: 'sqlite'; filename: string } | { type: 'postgres'; url: string };

export const READ_MODEL_ENTITIES = [
  PlanEntity,
  PlanAreaEntity,
  PlanPriorityEntity,
  ActionEntity,
  ActionPriorityEntity,
  MilestoneEntity,
  EvidenceEntity,
  OwnerEntity,
  TimelineEntryEntity,
  UserEntity,
  RoleGrantEntity,
  ProjectionCheckpointEntity,
];

/**
 * Opens the read database and brings its tables to the entities' shape. Read models hold nothing
 * that the event store does not, so schema sync is safe here: anything lost is rebuilt by replay.
 */
export async function openReadDatabase(config: ReadDatabaseConfig, options: { dropSchema?: boolean } = {}): Promise<DataSource> {
  const common = { entities: READ_MODEL_ENTITIES, synchronize: true, dropSchema: options.dropSchema ?? false, logging: false };
  const dataSource =
    config.type === 'sqlite'
      ? new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: config.filename,
          enableWAL: true,
          prepareDatabase: (db: { pragma(sql: string): unknown }) => {
            db.pragma('busy_timeout = 5000');
          },
        })
      : new DataSource({ ...common, type: 'postgres', url: config.url, extra: { max: 10 } });
  return dataSource.initialize();
}
