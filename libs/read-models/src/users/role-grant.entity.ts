import { Role } from '@send/domain';
import { Entity, Index, PrimaryColumn } from 'typeorm';

/** One role a user holds in one local area. */
@Entity('role_grants')
@Index(['localAreaId'])
export class RoleGrantEntity {
  @PrimaryColumn('varchar', { length: 100 })
  userId: string;

  @PrimaryColumn('varchar', { length: 30 })
  role: Role;

  @PrimaryColumn('varchar', { length: 64 })
  localAreaId: string;
}
