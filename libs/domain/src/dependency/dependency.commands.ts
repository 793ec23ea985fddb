/**
 * "5.3 depends on 5.1": 5.3 cannot finish until 5.1 has (finish-to-start). A plan's dependencies
 * are one network, kept on one stream per plan, so a cycle is judged against every dependency
 * declared and two people cannot each add half of one.
 */
export type DeclareDependency = {
  type: 'DeclareDependency';
  data: { planId: string; actionId: string; dependsOnActionId: string; note: string };
};

export type RemoveDependency = {
  type: 'RemoveDependency';
  data: { planId: string; actionId: string; dependsOnActionId: string; reason: string };
};

export type DependencyCommand = DeclareDependency | RemoveDependency;
