import { ActionOwner, OwnerRenamed } from '@send/domain';
import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ActionEntity } from '../actions/action.entity';
import { MitigationEntity } from '../risks/mitigation.entity';
import { RiskEntity } from '../risks/risk.entity';
import { FollowUpEntity } from '../follow-ups/follow-up.entity';
import { OwnerEntity } from './owner.entity';
import { OwnerRecordEntity, ownerTextKey } from '../owner-records/owner-record.entity';
import { renamedColumns } from '../owner-records/owner-rename';

type Holding = { actionId: string } | { riskId: string } | { mitigationKey: string } | { followUpId: string };

const without = (list: string[], id: string) => list.filter((x) => x !== id);
const withOne = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

/**
 * The owners of each plan's actions, and each owner's record across plans: who they are now and
 * what shows them. A rename is written here to every row that shows the owner, by the record's
 * keys, with the columns `renamedColumns` gives (the as-at views apply the same).
 */
export class OwnerProjection implements Projection {
  readonly name = 'owners';

  rowsRead(event: ProjectedEvent): RowRead[] {
    const record = (owner: { ownerId: string }) => ({ entity: OwnerRecordEntity, key: { ownerId: owner.ownerId } });
    switch (event.type) {
      case 'ActionAdded':
      case 'RiskRaised':
        return [record(event.data.owner)];
      case 'OwnerReassigned':
        return [{ entity: ActionEntity, key: { actionId: event.data.actionId } }, record(event.data.owner), record(event.data.previousOwner)];
      case 'MitigationAdded':
        return [{ entity: RiskEntity, key: { riskId: event.data.riskId } }, record(event.data.owner)];
      case 'RiskOwnerReassigned':
        return [{ entity: RiskEntity, key: { riskId: event.data.riskId } }, record(event.data.owner), record(event.data.previousOwner)];
      case 'FollowUpRaised':
        return event.data.owner.ownerId === null ? [] : [record({ ownerId: event.data.owner.ownerId })];
      case 'OwnerRenamed':
        return [record(event.data)];
      default:
        return [];
    }
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    switch (event.type) {
      case 'ActionAdded':
        this.upsert(rows, event.data.planId, event.data.owner);
        return this.hold(rows, event.data.planId, event.data.owner, { actionId: event.data.actionId });
      case 'OwnerReassigned': {
        const { actionId, owner, previousOwner } = event.data;
        const action = await rows.get(ActionEntity, { actionId });
        this.upsert(rows, action.planId, owner);
        await this.release(rows, previousOwner.ownerId, { actionId });
        return this.hold(rows, action.planId, owner, { actionId });
      }
      case 'RiskRaised':
        return this.hold(rows, event.data.planId, event.data.owner, { riskId: event.data.riskId });
      case 'RiskOwnerReassigned': {
        const { riskId, owner, previousOwner } = event.data;
        const risk = await rows.get(RiskEntity, { riskId });
        await this.release(rows, previousOwner.ownerId, { riskId });
        return this.hold(rows, risk.planId, owner, { riskId });
      }
      case 'MitigationAdded': {
        const { riskId, mitigationId, owner } = event.data;
        const risk = await rows.get(RiskEntity, { riskId });
        return this.hold(rows, risk.planId, owner, { mitigationKey: `${riskId}/${mitigationId}` });
      }
      case 'FollowUpRaised': {
        // An owner minuted as text is no one's in the directory: only an owner named by id is held.
        const { followUpId, planId, owner } = event.data;
        if (owner.ownerId === null || owner.organisation === null) return;
        return this.hold(rows, planId, { ownerId: owner.ownerId, name: owner.name, role: owner.role, organisation: owner.organisation }, { followUpId });
      }
      case 'OwnerRenamed':
        return this.rename(rows, event.data, event.recorded.metadata.occurredAt);
      default:
        return;
    }
  }

  /** The latest name, role and organisation win: people change jobs and titles. */
  private upsert(rows: ReadModelRows, planId: string, owner: ActionOwner): void {
    rows.upsert(OwnerEntity, { planId, ownerId: owner.ownerId, name: owner.name, role: owner.role, organisation: owner.organisation });
  }

  private async hold(rows: ReadModelRows, planId: string, owner: ActionOwner, holding: Holding): Promise<void> {
    const before = await rows.find(OwnerRecordEntity, { ownerId: owner.ownerId });
    const record: OwnerRecordEntity = before ?? { ownerId: owner.ownerId, name: '', organisation: '', role: '', nameKey: '', organisationKey: '', planIds: [], actionIds: [], riskIds: [], mitigationKeys: [], followUpIds: [], renamedAt: null };
    rows.upsert(OwnerRecordEntity, {
      ...record,
      ...this.who(owner.name, owner.organisation),
      role: owner.role,
      planIds: withOne(record.planIds, planId),
      actionIds: 'actionId' in holding ? withOne(record.actionIds, holding.actionId) : record.actionIds,
      riskIds: 'riskId' in holding ? withOne(record.riskIds, holding.riskId) : record.riskIds,
      mitigationKeys: 'mitigationKey' in holding ? withOne(record.mitigationKeys, holding.mitigationKey) : record.mitigationKeys,
      followUpIds: 'followUpId' in holding ? withOne(record.followUpIds, holding.followUpId) : record.followUpIds,
    });
  }

  /** An action or risk given to someone else no longer shows its previous owner, so a later rename of them leaves it alone. */
  private async release(rows: ReadModelRows, ownerId: string, holding: { actionId: string } | { riskId: string }): Promise<void> {
    const record = await rows.find(OwnerRecordEntity, { ownerId });
    if (!record) return;
    if ('actionId' in holding) rows.update(OwnerRecordEntity, { ownerId }, { actionIds: without(record.actionIds, holding.actionId) });
    else rows.update(OwnerRecordEntity, { ownerId }, { riskIds: without(record.riskIds, holding.riskId) });
  }

  private async rename(rows: ReadModelRows, data: OwnerRenamed['data'], renamedAt: string): Promise<void> {
    const record = await rows.find(OwnerRecordEntity, { ownerId: data.ownerId });
    if (!record) return;
    rows.update(OwnerRecordEntity, { ownerId: data.ownerId }, { ...this.who(data.name, data.organisation), role: data.role ?? record.role, renamedAt });
    const columns = renamedColumns(data);
    for (const actionId of record.actionIds) rows.update<ActionEntity>(ActionEntity, { actionId }, columns);
    for (const riskId of record.riskIds) rows.update<RiskEntity>(RiskEntity, { riskId }, columns);
    for (const followUpId of record.followUpIds) rows.update<FollowUpEntity>(FollowUpEntity, { followUpId }, columns);
    for (const key of record.mitigationKeys) {
      const [riskId, mitigationId] = key.split('/');
      rows.update<MitigationEntity>(MitigationEntity, { riskId, mitigationId }, columns);
    }
    // A plan's owners list keeps the title they hold there unless the rename gave a new one.
    const listed = data.role === null ? { name: data.name, organisation: data.organisation } : { name: data.name, organisation: data.organisation, role: data.role };
    for (const planId of record.planIds) rows.update(OwnerEntity, { planId, ownerId: data.ownerId }, listed);
  }

  private who(name: string, organisation: string) {
    return { name, organisation, nameKey: ownerTextKey(name), organisationKey: ownerTextKey(organisation) };
  }
}
