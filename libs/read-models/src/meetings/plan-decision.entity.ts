import { DecisionSubjectKind, PlanDecisionKind } from '@send/domain';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A decision the board minuted about the plan as a whole or about one risk. */
@Entity('plan_decisions')
@Index(['meetingId'])
@Index(['riskId'])
export class PlanDecisionEntity {
  @PrimaryColumn('varchar', { length: 64 })
  decisionId: string;

  @Column('varchar', { length: 64 })
  meetingId: string;

  @Column('varchar', { length: 10 })
  meetingDate: string;

  @Column('varchar', { length: 10 })
  subjectKind: DecisionSubjectKind;

  @Column('varchar', { length: 64, nullable: true })
  riskId: string | null;

  @Column('varchar', { length: 16, nullable: true })
  riskRef: string | null;

  @Column('varchar', { length: 30 })
  kind: PlanDecisionKind;

  @Column('text')
  summary: string;

  @Column('varchar', { length: 30 })
  recordedAt: string;
}
