import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countRollUpGroups, KeyedRollUpGroup, PlanAreaEntity, PlanEntity, PlanPriorityEntity, RagRollUp, rollUpGroups, RollUpDimension } from '@send/read-models';
import { BatchLoader } from '../common/batch-loader';
import { Clock } from '../common/clock';
import { ProjectionService } from '../infrastructure/projection.service';
import { ImprovementAreaModel } from '../plans/models/improvement-area.model';
import { RecoveryPriorityModel } from '../plans/models/recovery-priority.model';

/**
 * RAG roll-ups of a plan as it stands now, by area and by priority: the read database counts the
 * actions (one query for every plan a request asks about).
 * A live count is kept until the read models move on or the day changes (overdue and stale are
 * counted against today): a national view asked for again and again counts 18,000 actions once
 * per change, not once per request. Keyed by the stored read-model position, it is right on
 * every instance, standbys included.
 */
type CountedPlan = Pick<PlanEntity, 'planId' | 'staleAfterDays'>;

@Injectable()
export class PlanRollUpService {
  private readonly loaders = new Map<string, BatchLoader<string, KeyedRollUpGroup[]>>();
  private readonly counted = new Map<string, { position: bigint; today: string; groups: KeyedRollUpGroup[] }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly projections: ProjectionService,
  ) {}

  async forPlan(plan: CountedPlan): Promise<RagRollUp> {
    // Every action has exactly one area, so the area groups add up to the plan.
    return rollUpGroups(await this.groups('area', plan));
  }

  async byArea(plan: CountedPlan): Promise<ImprovementAreaModel[]> {
    const [areas, groups] = await Promise.all([
      this.dataSource.getRepository(PlanAreaEntity).find({ where: { planId: plan.planId }, order: { number: 'ASC' } }),
      this.groups('area', plan),
    ]);
    return areas.map((area) => ({ number: area.number, name: area.name, description: area.description, rollUp: rollUpGroups(groups.filter((g) => g.key === area.number)) }));
  }

  async byPriority(plan: CountedPlan): Promise<RecoveryPriorityModel[]> {
    const [priorities, groups] = await Promise.all([
      this.dataSource.getRepository(PlanPriorityEntity).find({ where: { planId: plan.planId }, order: { number: 'ASC' } }),
      this.groups('priority', plan),
    ]);
    return priorities.map((priority) => ({
      number: priority.number,
      name: priority.name,
      description: priority.description,
      rollUp: rollUpGroups(groups.filter((g) => g.key === priority.number)),
    }));
  }

  private async groups(dimension: RollUpDimension, plan: CountedPlan): Promise<KeyedRollUpGroup[]> {
    const key = `${dimension}:${plan.staleAfterDays}:${plan.planId}`;
    const today = this.clock.today();
    const position = await this.projections.readModelPosition();
    const kept = this.counted.get(key);
    if (position !== undefined && kept?.position === position && kept.today === today) return kept.groups;
    const groups = await this.count(dimension, plan);
    if (position !== undefined) this.counted.set(key, { position, today, groups });
    return groups;
  }

  /** Plans asked about in the same tick with the same stale threshold share one count. */
  private count(dimension: RollUpDimension, plan: CountedPlan): Promise<KeyedRollUpGroup[]> {
    const key = `${dimension}:${plan.staleAfterDays}`;
    let loader = this.loaders.get(key);
    if (!loader) {
      loader = new BatchLoader(async (planIds) => {
        const rows = await countRollUpGroups(this.dataSource, dimension, planIds, this.clock.today(), plan.staleAfterDays);
        const byPlan = new Map<string, KeyedRollUpGroup[]>();
        for (const row of rows) byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), row]);
        return byPlan;
      }, []);
      this.loaders.set(key, loader);
    }
    return loader.load(plan.planId);
  }
}
