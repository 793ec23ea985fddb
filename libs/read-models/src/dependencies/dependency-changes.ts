import { DEPENDENCY_EVENT_VERSIONS, DependencyEvent } from '@send/domain';
import { ProjectedEvent } from '../projection/projection';
import { DependencyEntity } from './dependency.entity';

/**
 * What one event of a plan's dependency stream does to the rows. The live projection writes them
 * to the read database and an as-at view applies them to rows held in memory, so a dependency
 * event is taught to the read models once.
 */
export type DependencyChange =
  | { kind: 'declared'; row: DependencyEntity }
  | { kind: 'removed'; actionId: string; dependsOnActionId: string }
  | { kind: 'networkMoved'; planId: string; revision: number };

export const isDependencyEvent = (event: ProjectedEvent): event is ProjectedEvent & DependencyEvent => Object.hasOwn(DEPENDENCY_EVENT_VERSIONS, event.type);

export function dependencyChanges(event: ProjectedEvent & DependencyEvent): DependencyChange[] {
  const revision = Number(event.recorded.revision);
  const { planId, actionId, dependsOnActionId } = event.data;
  const moved: DependencyChange = { kind: 'networkMoved', planId, revision };
  switch (event.type) {
    case 'DependencyDeclared': {
      const { actionRef, dependsOnRef, note } = event.data;
      const row: DependencyEntity = { planId, actionId, dependsOnActionId, actionRef, dependsOnRef, note, declaredAt: event.recorded.metadata.occurredAt, declaredRevision: revision };
      return [{ kind: 'declared', row }, moved];
    }
    case 'DependencyRemoved':
      return [{ kind: 'removed', actionId, dependsOnActionId }, moved];
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
