import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionEntity, ActionPriorityEntity, PlanAreaEntity, PlanPriorityEntity, RagRollUp, rollUp } from '@send/read-models';
import { Clock } from '../common/clock';
import { PlanModel } from './models/plan.model';
import { ImprovementAreaModel } from './models/improvement-area.model';
import { RecoveryPriorityModel } from './models/recovery-priority.model';

const ROLL_UP_COLUMNS: (keyof ActionEntity)[] = ['actionId', 'areaNumber', 'status', 'rag', 'dueDate', 'lastUpdatedOn'];

/** RAG roll-ups by area and by priority, as of today. */
@Injectable()
export class PlanRollUpService {
  private readonly loaded = new WeakMap<PlanModel, Promise<ActionEntity[]>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forPlan(plan: PlanModel): Promise<RagRollUp> {
    return rollUp(await this.actions(plan), this.clock.today(), plan.staleAfterDays);
  }

  async byArea(plan: PlanModel): Promise<ImprovementAreaModel[]> {
    const { id: planId, staleAfterDays } = plan;
    const [areas, actions] = await Promise.all([
      this.dataSource.getRepository(PlanAreaEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.actions(plan),
    ]);
    const today = this.clock.today();
    return areas.map((area) => ({
      number: area.number,
      name: area.name,
      description: area.description,
      rollUp: rollUp(
        actions.filter((a) => a.areaNumber === area.number),
        today,
        staleAfterDays,
      ),
    }));
  }

  async byPriority(plan: PlanModel): Promise<RecoveryPriorityModel[]> {
    const { id: planId, staleAfterDays } = plan;
    const [priorities, actions, links] = await Promise.all([
      this.dataSource.getRepository(PlanPriorityEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.actions(plan),
      this.dataSource.getRepository(ActionPriorityEntity).find({ where: { planId } }),
    ]);
    const today = this.clock.today();
    return priorities.map((priority) => {
      const ids = new Set(links.filter((l) => l.priorityNumber === priority.number).map((l) => l.actionId));
      return {
        number: priority.number,
        name: priority.name,
        description: priority.description,
        rollUp: rollUp(
          actions.filter((a) => ids.has(a.actionId)),
          today,
          staleAfterDays,
        ),
      };
    });
  }

  /**
   * The plan overview asks for the roll-up, the areas and the priorities at once; they share one
   * read of the plan's actions. The key is the request's parent plan object, so the memo lives
   * exactly as long as that request.
   */
  private actions(plan: PlanModel): Promise<ActionEntity[]> {
    let loaded = this.loaded.get(plan);
    if (!loaded) {
      loaded = this.dataSource.getRepository(ActionEntity).find({ select: ROLL_UP_COLUMNS, where: { planId: plan.id } });
      this.loaded.set(plan, loaded);
    }
    return loaded;
  }
}
