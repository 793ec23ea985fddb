import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ActionEntity, ActionPriorityEntity, PlanAreaEntity, PlanPriorityEntity, RagRollUp, rollUp } from '@send/read-models';
import { Clock } from '../common/clock';
import { ImprovementAreaModel } from './models/improvement-area.model';
import { RecoveryPriorityModel } from './models/recovery-priority.model';

const ROLL_UP_COLUMNS: (keyof ActionEntity)[] = ['actionId', 'areaNumber', 'status', 'rag', 'dueDate', 'lastUpdatedOn'];

/** RAG roll-ups by area and by priority, as of today. */
@Injectable()
export class PlanRollUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forPlan(planId: string, staleAfterDays: number): Promise<RagRollUp> {
    return rollUp(await this.actions(planId), this.clock.today(), staleAfterDays);
  }

  async byArea(planId: string, staleAfterDays: number): Promise<ImprovementAreaModel[]> {
    const [areas, actions] = await Promise.all([
      this.dataSource.getRepository(PlanAreaEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.actions(planId),
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

  async byPriority(planId: string, staleAfterDays: number): Promise<RecoveryPriorityModel[]> {
    const [priorities, actions, links] = await Promise.all([
      this.dataSource.getRepository(PlanPriorityEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.actions(planId),
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

  private actions(planId: string): Promise<ActionEntity[]> {
    return this.dataSource.getRepository(ActionEntity).find({ select: ROLL_UP_COLUMNS, where: { planId } });
  }
}
