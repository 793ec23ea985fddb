import { DataSource } from 'typeorm';
import { UpcastingEventStore } from '@send/event-store';
import { DEFAULT_ESCALATION_SCORE, ownerStream, planStream, riskStream } from '@send/domain';
import { planViewAt } from '../as-at/plan-view';
import { RiskRegisterView, riskRegisterAt } from './risk-register-view';
import { RiskEntity } from './risk.entity';

/** Which risk streams belong to a plan. Streams are never removed, so any index that has seen them will do. */
export type RiskStreamIndex = (planId: string) => Promise<string[]>;

/** The running api's index: its read models. */
export const readModelRiskIndex =
  (dataSource: DataSource): RiskStreamIndex =>
  async (planId) =>
    (await dataSource.getRepository(RiskEntity).find({ select: { riskId: true }, where: { planId } })).map((r) => r.riskId);

/** An operator tool's index: one scan of the store, needing no read models. */
export function eventStoreRiskIndex(store: UpcastingEventStore): RiskStreamIndex {
  let scanned: Promise<Map<string, string[]>> | undefined;
  return async (planId) => {
    scanned ??= store.readAll().then((events) => {
      const byPlan = new Map<string, string[]>();
      for (const e of events) {
        const { planId: plan, riskId } = e.data as { planId?: string; riskId?: string };
        if (e.type === 'RiskRaised' && plan && riskId) byPlan.set(plan, [...(byPlan.get(plan) ?? []), riskId]);
      }
      return byPlan;
    });
    return (await scanned).get(planId) ?? [];
  };
}

/** Reads a plan's risk register from the event store, as it stood at any instants. */
export class RiskHistory {
  constructor(
    private readonly index: RiskStreamIndex,
    private readonly store: UpcastingEventStore,
    /** Owners renamed (readModelRenamedOwners, eventStoreRenamedOwners); without it, names stay as the risk events recorded them. */
    private readonly renamedOwners: () => Promise<string[]> = async () => [],
  ) {}

  /** Each register with the plan's escalation threshold as it stood at the same instant. */
  async registersAt(planId: string, instants: string[]): Promise<(RiskRegisterView & { escalationScore: number })[]> {
    const [riskIds, ownerIds] = await Promise.all([this.index(planId), this.renamedOwners()]);
    const [plan, ...streams] = await Promise.all([
      this.store.readStream(planStream(planId)),
      ...riskIds.map((id) => this.store.readStream(riskStream(id))),
      ...ownerIds.map((id) => this.store.readStream(ownerStream(id))),
    ]);
    return instants.map((asAt) => ({ ...riskRegisterAt(streams, asAt), escalationScore: planViewAt([plan], asAt)?.riskEscalationScore ?? DEFAULT_ESCALATION_SCORE }));
  }
}
