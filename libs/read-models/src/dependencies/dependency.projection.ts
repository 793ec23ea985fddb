import { Projection, ProjectedEvent } from '../projection/projection';
import { ReadModelRows } from '../projection/read-model-rows';
import { dependencyChanges, isDependencyEvent } from './dependency-changes';
import { DependencyNetworkEntity } from './dependency-network.entity';
import { DependencyEntity } from './dependency.entity';

export class DependencyProjection implements Projection {
  readonly name = 'dependencies';

  // No rowsRead: every event names both ends and carries the network's revision, so none reads a row.
  async apply(event: ProjectedEvent, rows: ReadModelRows): Promise<void> {
    if (!isDependencyEvent(event)) return;
    for (const change of dependencyChanges(event)) {
      switch (change.kind) {
        case 'declared':
          rows.insert(DependencyEntity, change.row);
          break;
        case 'removed':
          rows.delete(DependencyEntity, { actionId: change.actionId, dependsOnActionId: change.dependsOnActionId });
          break;
        case 'networkMoved':
          rows.upsert(DependencyNetworkEntity, { planId: change.planId, revision: change.revision });
          break;
        default: {
          const unhandled: never = change;
          return unhandled;
        }
      }
    }
  }
}
