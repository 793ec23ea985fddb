import { MeetingType } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('meetings')
@Index(['planId', 'date'])
export class MeetingEntity {
  @PrimaryColumn('varchar', { length: 64 })
  meetingId: string;

  @Column('varchar', { length: 64 })
  planId: string;

  @Column('varchar', { length: 30 })
  meetingType: MeetingType;

  @Column('varchar', { length: 10 })
  date: string;

  @Column('text')
  title: string;

  @Column('boolean')
  closed: boolean;

  @Column('text', { nullable: true })
  minutesReference: string | null;

  @Column('simple-json')
  attendees: { name: string; capacity: string }[];

  @Column('simple-json')
  apologies: { name: string; capacity: string }[];
}
