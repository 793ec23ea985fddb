import { Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { canSeeArea, FollowUpNotFoundError, FollowUpStatus, Principal } from '@send/domain';
import { FollowUpEntity, FollowUpNoteEntity, PlanEntity } from '@send/read-models';
import { Clock } from '../common/clock';
import { FollowUpModel, FollowUpNoteModel } from './models/follow-up.model';

/** Soonest due first, then oldest raised: an open one that is overdue is due before any that is not, so it leads. */
export const agendaOrder = (a: FollowUpModel, b: FollowUpModel): number =>
  a.dueDate.localeCompare(b.dueDate) || a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id);

/** The meeting action log as the read database holds it. */
@Injectable()
export class FollowUpReadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The caller has already checked the person may see the plan. */
  async forPlan(planId: string, statuses: FollowUpStatus[], meetingId?: string): Promise<FollowUpModel[]> {
    const where: FindOptionsWhere<FollowUpEntity> = { planId, status: In(statuses), ...(meetingId ? { meetingId } : {}) };
    const rows = await this.dataSource.getRepository(FollowUpEntity).find({ where });
    return rows.map((row) => this.toModel(row)).sort(agendaOrder);
  }

  /** Open follow-ups raised at meetings before the one asked about (by date), for its agenda. */
  async carriedTo(planId: string, meeting: { id: string; date: string }): Promise<FollowUpModel[]> {
    const open = await this.forPlan(planId, ['OPEN']);
    return open.filter((f) => f.meetingId !== meeting.id && f.meetingDate <= meeting.date);
  }

  async byId(followUpId: string, principal: Principal): Promise<FollowUpModel> {
    const row = await this.dataSource.getRepository(FollowUpEntity).findOneBy({ followUpId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new FollowUpNotFoundError(followUpId);
    return this.toModel(row);
  }

  /** Only for a follow-up the caller has already been shown. */
  async notes(followUpId: string): Promise<FollowUpNoteModel[]> {
    const rows = await this.dataSource.getRepository(FollowUpNoteEntity).find({ where: { followUpId }, order: { revision: 'ASC' } });
    return rows.map((n) => ({ kind: n.kind, note: n.note, dueDate: n.dueDate, on: n.on, byName: n.actorName, byRole: n.actorRole }));
  }

  private toModel(row: FollowUpEntity): FollowUpModel {
    return {
      id: row.followUpId,
      planId: row.planId,
      meetingId: row.meetingId,
      meetingDate: row.meetingDate,
      description: row.description,
      owner: { name: row.ownerName, role: row.ownerRole, userId: row.ownerUserId },
      dueDate: row.dueDate,
      status: row.status,
      overdue: row.status === 'OPEN' && row.dueDate < this.clock.today(),
      closedOn: row.closedOn,
      raisedAt: row.raisedAt,
      revision: row.revision,
    };
  }
}
