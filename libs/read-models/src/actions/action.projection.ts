import { londonDateOf } from '@send/domain';
import { Projection, ProjectedEvent, RowRead } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { ActionPriorityEntity } from './action-priority.entity';
import { ActionEntity } from './action.entity';
import { refSortKey } from './ref-sort-key';

export class ActionProjection implements Projection {
  readonly name = 'actions';

  rowsRead(event: ProjectedEvent): RowRead[] {
    const delegation = event.type === 'ActionDelegated' || event.type === 'DelegationWithdrawn';
    return delegation ? [{ entity: ActionEntity, key: { actionId: event.data.actionId } }] : [];
  }

  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!event.recorded.streamId.startsWith('action-')) return;
    const revision = Number(event.recorded.revision);
    const occurredOn = londonDateOf(event.recorded.metadata.occurredAt);
    const update = (actionId: string, changes: Partial<ActionEntity>) => rows.update(ActionEntity, { actionId }, { ...changes, revision });

    switch (event.type) {
      case 'ActionAdded': {
        const d = event.data;
        rows.insert(ActionEntity, {
          actionId: d.actionId,
          planId: d.planId,
          ref: d.ref,
          refSortKey: refSortKey(d.ref),
          areaNumber: d.areaNumber,
          title: d.title,
          description: d.description,
          intendedImpact: d.intendedImpact,
          ownerId: d.owner.ownerId,
          ownerName: d.owner.name,
          ownerRole: d.owner.role,
          ownerOrganisation: d.owner.organisation,
          leadOrganisation: d.leadOrganisation,
          dueDate: d.dueDate,
          status: 'OPEN',
          rag: 'NOT_YET_RATED',
          latestCommentary: null,
          lastAsAt: null,
          lastUpdatedOn: occurredOn,
          addedAt: event.recorded.metadata.occurredAt,
          completedOn: null,
          supersededByActionId: null,
          closingReason: null,
          delegates: [],
          revision,
        });
        if (d.priorityNumbers.length > 0) {
          rows.insert(
            ActionPriorityEntity,
            d.priorityNumbers.map((priorityNumber) => ({ actionId: d.actionId, priorityNumber, planId: d.planId })),
          );
        }
        return;
      }
      case 'OwnerReassigned': {
        const { owner } = event.data;
        update(event.data.actionId, {
          ownerId: owner.ownerId,
          ownerName: owner.name,
          ownerRole: owner.role,
          ownerOrganisation: owner.organisation,
        });
        return;
      }
      case 'ProgressReported': {
        const { rag, commentary, asAt } = event.data;
        update(event.data.actionId, { rag, latestCommentary: commentary, lastAsAt: asAt, lastUpdatedOn: asAt });
        return;
      }
      case 'ProgressCorrected': {
        // The decider judged, on the whole stream, whether the corrected update was the one in force.
        const { rag, commentary, asAt, replacesCurrent } = event.data;
        update(event.data.actionId, replacesCurrent ? { rag, latestCommentary: commentary, lastAsAt: asAt, lastUpdatedOn: asAt } : {});
        return;
      }
      case 'DueDateRescheduled':
        update(event.data.actionId, { dueDate: event.data.dueDate });
        return;
      case 'ActionCompleted': {
        const { commentary, asAt } = event.data;
        update(event.data.actionId, {
          status: 'COMPLETE',
          rag: 'BLUE',
          latestCommentary: commentary,
          lastAsAt: asAt,
          lastUpdatedOn: asAt,
          completedOn: asAt,
        });
        return;
      }
      case 'ActionReopened':
        update(event.data.actionId, {
          status: 'OPEN',
          rag: event.data.rag,
          completedOn: null,
          latestCommentary: `Reopened: ${event.data.reason}`,
          lastUpdatedOn: occurredOn,
        });
        return;
      case 'ActionWithdrawn':
        update(event.data.actionId, { status: 'WITHDRAWN', closingReason: event.data.reason });
        return;
      case 'ActionSuperseded':
        update(event.data.actionId, {
          status: 'SUPERSEDED',
          supersededByActionId: event.data.supersededByActionId,
          closingReason: event.data.reason,
        });
        return;
      case 'ActionDelegated':
      case 'DelegationWithdrawn': {
        const { actionId, delegateUserId, delegateName } = event.data;
        const { delegates } = await rows.get(ActionEntity, { actionId });
        const others = delegates.filter((d) => d.userId !== delegateUserId);
        update(actionId, {
          delegates: event.type === 'ActionDelegated' ? [...others, { userId: delegateUserId, name: delegateName }] : others,
        });
        return;
      }
      case 'MilestoneAdded':
      case 'MilestoneCompleted':
      case 'EvidenceAttached':
      case 'EvidenceAccepted':
      case 'EvidenceRejected':
        // Only the revision moves: clients need it to send their next command.
        update(event.data.actionId, {});
        return;
      default:
        return;
    }
  }
}
