import { Column } from 'typeorm';

/** What a condition says, as both its current row and each kept version hold it. */
export abstract class ConditionWordingColumns {
  @Column('text')
  text: string;

  @Column('text')
  sourceParagraph: string;

  @Column('text')
  measureOfSuccess: string;

  @Column('varchar', { length: 10 })
  dueDate: string;
}
