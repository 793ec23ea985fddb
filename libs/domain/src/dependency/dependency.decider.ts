import { ActionState } from '../action/action.decider';
import { PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { requireText } from '../shared/guards';
import { DependencyCommand } from './dependency.commands';
import { DependencyEvent } from './dependency.events';
import { dependencyPath, DependsOn } from './dependency-graph';
import {
  DependencyActionNotInPlanError,
  DependencyAlreadyDeclaredError,
  DependencyCycleError,
  DependencyNotFoundError,
  DependencyOnClosedActionError,
  DependencyOnItselfError,
  DependencyPlanNotFoundError,
} from './dependency.errors';

/** One plan's dependency network, folded from its stream. */
export interface DependencyNetworkState {
  /** For each action, the actions it waits for, in the order declared. */
  dependsOn: DependsOn;
  /** References of the actions named so far, for messages. */
  refs: Readonly<Record<string, string>>;
}

/** What the rules read from other streams: the plan, and the action at each end of the dependency. */
export interface DependencyDecisionContext {
  plan?: PlanState;
  action?: ActionState;
  dependsOnAction?: ActionState;
}

export const initialDependencyNetworkState = (): DependencyNetworkState => ({ dependsOn: {}, refs: {} });

export function evolveDependencyNetwork(state: DependencyNetworkState, event: DependencyEvent): DependencyNetworkState {
  const { actionId, actionRef, dependsOnActionId, dependsOnRef } = event.data;
  const refs = { ...state.refs, [actionId]: actionRef, [dependsOnActionId]: dependsOnRef };
  const current = state.dependsOn[actionId] ?? [];
  switch (event.type) {
    case 'DependencyDeclared':
      return { refs, dependsOn: { ...state.dependsOn, [actionId]: [...current, dependsOnActionId] } };
    case 'DependencyRemoved':
      return { refs, dependsOn: { ...state.dependsOn, [actionId]: current.filter((id) => id !== dependsOnActionId) } };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

type PlanAction = Extract<ActionState, { exists: true }>;

function requireActionOfPlan(field: 'actionId' | 'dependsOnActionId', actionId: string, action: ActionState | undefined, planId: string): PlanAction {
  if (!action?.exists || action.actionId !== actionId || action.planId !== planId) throw new DependencyActionNotInPlanError(field, actionId);
  return action;
}

export function decideDependency(
  command: DependencyCommand,
  state: DependencyNetworkState,
  _metadata: CommandMetadata,
  context: DependencyDecisionContext = {},
): DependencyEvent[] {
  const { planId, actionId, dependsOnActionId } = command.data;
  if (context.plan?.status !== 'active' || context.plan.planId !== planId) throw new DependencyPlanNotFoundError(planId);
  const action = requireActionOfPlan('actionId', actionId, context.action, planId);
  const upstream = requireActionOfPlan('dependsOnActionId', dependsOnActionId, context.dependsOnAction, planId);
  const declared = (state.dependsOn[actionId] ?? []).includes(dependsOnActionId);
  const names = { planId, actionId, actionRef: action.ref, dependsOnActionId, dependsOnRef: upstream.ref };

  if (command.type === 'RemoveDependency') {
    if (!declared) throw new DependencyNotFoundError(action.ref, upstream.ref);
    return [{ type: 'DependencyRemoved', data: { ...names, reason: requireText('reason', command.data.reason) } }];
  }
  if (actionId === dependsOnActionId) throw new DependencyOnItselfError(action.ref);
  for (const [field, end] of [['actionId', action], ['dependsOnActionId', upstream]] as const) {
    if (end.status === 'WITHDRAWN' || end.status === 'SUPERSEDED') throw new DependencyOnClosedActionError(field, end.ref, end.status);
  }
  if (declared) throw new DependencyAlreadyDeclaredError(action.ref, upstream.ref);
  const loop = dependencyPath(state.dependsOn, dependsOnActionId, actionId);
  if (loop) {
    const refs = { ...state.refs, [actionId]: action.ref, [dependsOnActionId]: upstream.ref };
    throw new DependencyCycleError([action.ref, ...loop.map((id) => refs[id] ?? id)]);
  }
  return [{ type: 'DependencyDeclared', data: { ...names, note: requireText('note', command.data.note) } }];
}
