import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Milestone')
export class MilestoneModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() dueDate: string;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field({ description: 'Not completed and past its due date, as of today.' }) overdue: boolean;
}

/** Milestones as the API shows them, overdue as of `today`: the day shown, live or as at an instant. */
export function toMilestoneModels(rows: { milestoneId: string; title: string; dueDate: string; completedOn: string | null }[], today: string): MilestoneModel[] {
  return rows.map((m) => ({
    id: m.milestoneId,
    title: m.title,
    dueDate: m.dueDate,
    completedOn: m.completedOn,
    overdue: m.completedOn === null && m.dueDate < today,
  }));
}
