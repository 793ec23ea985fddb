import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarDate, dateOf, ImprovementArea, RecoveryPriority } from '@send/domain';
import { ActionEntity, ActionPriorityEntity, PlanAreaEntity, PlanPriorityEntity, RagRollUp, rollUp } from '@send/read-models';
import { Clock } from '../common/clock';
import { PlanModel } from './models/plan.model';
import { ImprovementAreaModel } from './models/improvement-area.model';
import { RecoveryPriorityModel } from './models/recovery-priority.model';

const ROLL_UP_COLUMNS: (keyof ActionEntity)[] = ['actionId', 'areaNumber', 'status', 'rag', 'dueDate', 'lastUpdatedOn'];

type RolledAction = Pick<ActionEntity, 'areaNumber' | 'status' | 'rag' | 'dueDate' | 'lastUpdatedOn'> & { priorityNumbers: number[] };

/** What a roll-up is computed from: live from the read models, or from the plan as it was. */
interface RollUpSource {
  today: CalendarDate;
  areas: ImprovementArea[];
  priorities: RecoveryPriority[];
  actions: RolledAction[];
}

/** RAG roll-ups of a plan, by area and by priority, live or as at the plan's instant. */
@Injectable()
export class PlanRollUpService {
  private readonly loaded = new WeakMap<PlanModel, Promise<RollUpSource>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forPlan(plan: PlanModel): Promise<RagRollUp> {
    const { actions, today } = await this.source(plan);
    return rollUp(actions, today, plan.staleAfterDays);
  }

  async byArea(plan: PlanModel): Promise<ImprovementAreaModel[]> {
    const { areas, actions, today } = await this.source(plan);
    return areas.map((area) => ({
      number: area.number,
      name: area.name,
      description: area.description,
      rollUp: rollUp(
        actions.filter((a) => a.areaNumber === area.number),
        today,
        plan.staleAfterDays,
      ),
    }));
  }

  async byPriority(plan: PlanModel): Promise<RecoveryPriorityModel[]> {
    const { priorities, actions, today } = await this.source(plan);
    return priorities.map((priority) => ({
      number: priority.number,
      name: priority.name,
      description: priority.description,
      rollUp: rollUp(
        actions.filter((a) => a.priorityNumbers.includes(priority.number)),
        today,
        plan.staleAfterDays,
      ),
    }));
  }

  /**
   * The plan overview asks for the roll-up, the areas and the priorities at once; they share one
   * read of the plan. The key is the request's parent plan object, so the memo lives exactly as
   * long as that request.
   */
  private source(plan: PlanModel): Promise<RollUpSource> {
    let loaded = this.loaded.get(plan);
    if (!loaded) {
      loaded = plan.view
        ? Promise.resolve({ today: dateOf(plan.view.asAt), ...plan.view })
        : this.live(plan.id);
      this.loaded.set(plan, loaded);
    }
    return loaded;
  }

  private async live(planId: string): Promise<RollUpSource> {
    const [areas, priorities, rows, links] = await Promise.all([
      this.dataSource.getRepository(PlanAreaEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.dataSource.getRepository(PlanPriorityEntity).find({ where: { planId }, order: { number: 'ASC' } }),
      this.dataSource.getRepository(ActionEntity).find({ select: ROLL_UP_COLUMNS, where: { planId } }),
      this.dataSource.getRepository(ActionPriorityEntity).find({ where: { planId } }),
    ]);
    const actions = rows.map((a) => ({
      ...a,
      priorityNumbers: links.filter((l) => l.actionId === a.actionId).map((l) => l.priorityNumber),
    }));
    return { today: this.clock.today(), areas, priorities, actions };
  }
}
