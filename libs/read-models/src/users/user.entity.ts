import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 100 })
  userId: string;

  @Column('varchar', { length: 200 })
  displayName: string;

  /** The action-owner identity this user acts as, if any. */
  @Column('varchar', { length: 64, nullable: true })
  ownerId: string | null;

  /** Where reminders to them go. */
  @Column('varchar', { length: 254, nullable: true })
  email: string | null;
}
