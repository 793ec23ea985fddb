import { Inject, Injectable } from '@nestjs/common';
import { DataSource, FindOptionsWhere, In } from 'typeorm';
import { canSeeArea, FollowUpNotFoundError, FollowUpStatus, londonDateOf, Principal } from '@send/domain';
import { UpcastingEventStore } from '@send/event-store';
import { ActionLogHistory, FollowUpEntity, FollowUpNoteEntity, PlanEntity, readModelFollowUpIndex, readModelRenamedOwners } from '@send/read-models';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { FollowUpModel, FollowUpNoteModel } from './models/follow-up.model';

/** Soonest due first, then oldest raised: an open one that is overdue is due before any that is not, so it leads. */
export const agendaOrder = (a: FollowUpModel, b: FollowUpModel): number =>
  a.dueDate.localeCompare(b.dueDate) || a.raisedAt.localeCompare(b.raisedAt) || a.id.localeCompare(b.id);

const noteModels = (rows: FollowUpNoteEntity[]): FollowUpNoteModel[] =>
  [...rows].sort((a, b) => a.revision - b.revision).map((n) => ({ kind: n.kind, note: n.note, dueDate: n.dueDate, on: n.on, byName: n.actorName, byRole: n.actorRole }));

/** The meeting action log as the read database holds it, or folded from its events to an earlier instant. */
@Injectable()
export class FollowUpReadService {
  private readonly history: ActionLogHistory;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(EVENT_STORE) store: UpcastingEventStore,
  ) {
    this.history = new ActionLogHistory(readModelFollowUpIndex(dataSource), store, readModelRenamedOwners(dataSource));
  }

  /** The caller has already checked the person may see the plan (and, for an instant, that it existed then). */
  async forPlan(planId: string, statuses: FollowUpStatus[], meetingId?: string, instant?: string): Promise<FollowUpModel[]> {
    if (instant !== undefined) {
      const [log] = await this.history.logsAt(planId, [instant]);
      const notes = async (followUpId: string) => noteModels(log.notes.filter((n) => n.followUpId === followUpId));
      return log.followUps
        .filter((f) => statuses.includes(f.status) && (!meetingId || f.meetingId === meetingId))
        .map((row) => this.toModel(row, londonDateOf(instant), notes))
        .sort(agendaOrder);
    }
    const where: FindOptionsWhere<FollowUpEntity> = { planId, status: In(statuses), ...(meetingId ? { meetingId } : {}) };
    const rows = await this.dataSource.getRepository(FollowUpEntity).find({ where });
    return rows.map((row) => this.toModel(row)).sort(agendaOrder);
  }

  /** Open follow-ups raised at meetings before the one asked about (by date), for its agenda; as at `instant` when given. */
  async carriedTo(planId: string, meeting: { id: string; date: string }, instant?: string): Promise<FollowUpModel[]> {
    const open = await this.forPlan(planId, ['OPEN'], undefined, instant);
    return open.filter((f) => f.meetingId !== meeting.id && f.meetingDate <= meeting.date);
  }

  async byId(followUpId: string, principal: Principal): Promise<FollowUpModel> {
    const row = await this.dataSource.getRepository(FollowUpEntity).findOneBy({ followUpId });
    const plan = row ? await this.dataSource.getRepository(PlanEntity).findOneBy({ planId: row.planId }) : null;
    if (!row || !plan || !canSeeArea(principal, plan.localAreaId)) throw new FollowUpNotFoundError(followUpId);
    return this.toModel(row);
  }

  /** Only for a follow-up the caller has already been shown. */
  private readonly notes = async (followUpId: string): Promise<FollowUpNoteModel[]> =>
    noteModels(await this.dataSource.getRepository(FollowUpNoteEntity).findBy({ followUpId }));

  private toModel(row: FollowUpEntity, today = this.clock.today(), notesReader = this.notes): FollowUpModel {
    return {
      id: row.followUpId,
      planId: row.planId,
      meetingId: row.meetingId,
      meetingDate: row.meetingDate,
      description: row.description,
      owner: { id: row.ownerId, name: row.ownerName, role: row.ownerRole, organisation: row.ownerOrganisation, userId: row.ownerUserId },
      dueDate: row.dueDate,
      status: row.status,
      overdue: row.status === 'OPEN' && row.dueDate < today,
      closedOn: row.closedOn,
      raisedAt: row.raisedAt,
      revision: row.revision,
      notesReader,
    };
  }
}
