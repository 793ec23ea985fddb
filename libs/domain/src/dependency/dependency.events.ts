export type DependencyDeclared = {
  type: 'DependencyDeclared';
  data: { planId: string; actionId: string; actionRef: string; dependsOnActionId: string; dependsOnRef: string; note: string };
};

export type DependencyRemoved = {
  type: 'DependencyRemoved';
  data: { planId: string; actionId: string; actionRef: string; dependsOnActionId: string; dependsOnRef: string; reason: string };
};

export type DependencyEvent = DependencyDeclared | DependencyRemoved;

/** Current schema version of each dependency event; bump with an upcaster, never edit in place. */
export const DEPENDENCY_EVENT_VERSIONS: Record<DependencyEvent['type'], number> = {
  DependencyDeclared: 1,
  DependencyRemoved: 1,
};
