import { DataSource } from 'typeorm';
import { UpcastingEventStore } from '@send/event-store';
import { conditionStream } from '@send/domain';
import { ConditionRegisterView, conditionRegisterAt } from './condition-register-view';
import { ConditionEntity } from './condition.entity';

/** Which condition streams belong to a plan. Streams are never removed, so the read models' list will do. */
export type ConditionStreamIndex = (planId: string) => Promise<string[]>;

export const readModelConditionIndex =
  (dataSource: DataSource): ConditionStreamIndex =>
  async (planId) =>
    (await dataSource.getRepository(ConditionEntity).find({ select: { conditionId: true }, where: { planId } })).map((c) => c.conditionId);

/** The same list from the event store alone, for the command-line report that reads no read models. */
export function eventStoreConditionIndex(store: UpcastingEventStore): ConditionStreamIndex {
  let scanned: Promise<Map<string, string[]>> | undefined;
  return async (planId) => {
    scanned ??= store.readAll().then((events) => {
      const byPlan = new Map<string, string[]>();
      for (const e of events) {
        const { planId: plan, conditionId } = e.data as { planId?: string; conditionId?: string };
        if (e.type === 'ConditionAdded' && plan && conditionId) byPlan.set(plan, [...(byPlan.get(plan) ?? []), conditionId]);
      }
      return byPlan;
    });
    return (await scanned).get(planId) ?? [];
  };
}

/** Reads a plan's conditions register from the event store, as it stood at an instant. */
export class ConditionHistory {
  constructor(
    private readonly index: ConditionStreamIndex,
    private readonly store: UpcastingEventStore,
  ) {}

  async registerAt(planId: string, asAt: string): Promise<ConditionRegisterView> {
    const ids = await this.index(planId);
    const streams = await Promise.all(ids.map((id) => this.store.readStream(conditionStream(id))));
    return conditionRegisterAt(streams, asAt);
  }
}
