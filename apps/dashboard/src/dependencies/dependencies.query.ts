import type { SlipReason } from '@send/domain';
import type { RagValue } from '../shared/rag-badge';

const LINK = 'id ref title rag status dueDate originalDueDate slipReasons';

export const DEPENDENCIES_QUERY = `query Dependencies($planId: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  plan(id: $planId, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    dependencies {
      actionsAtRisk
      dependencies { action { ${LINK} } dependsOn { ${LINK} } note declaredAt }
      slipping { action { ${LINK} } reasons atRisk { action { ${LINK} } chain } }
    }
  }
}`;

export const ACTION_DEPENDENCIES_QUERY = `query ActionDependencies($id: ID!, $recordedBy: String, $asAtMeeting: ID, $knownAt: String) {
  action(id: $id, recordedBy: $recordedBy, asAtMeeting: $asAtMeeting, knownAt: $knownAt) {
    id
    dependsOn { dependsOn { ${LINK} } note }
    dependents { action { ${LINK} } note }
    atRiskFrom { from { ${LINK} } reasons chain }
  }
}`;

export interface ActionLink {
  id: string;
  ref: string;
  title: string;
  rag: RagValue;
  status: string;
  dueDate: string;
  originalDueDate: string;
  slipReasons: SlipReason[];
}

export interface Dependency {
  action: ActionLink;
  dependsOn: ActionLink;
  note: string;
  declaredAt: string;
}

export interface SlippingAction {
  action: ActionLink;
  reasons: SlipReason[];
  atRisk: { action: ActionLink; chain: string[] }[];
}

export interface DependenciesAnswer {
  plan: { dependencies: { actionsAtRisk: number; dependencies: Dependency[]; slipping: SlippingAction[] } };
}

export interface ActionDependenciesAnswer {
  action: {
    id: string;
    dependsOn: { dependsOn: ActionLink; note: string }[];
    dependents: { action: ActionLink; note: string }[];
    atRiskFrom: { from: ActionLink; reasons: SlipReason[]; chain: string[] }[];
  };
}

/** What the forms offer: the plan's actions in force, and the network's revision to send back. */
export const DEPENDENCY_CHOICES_QUERY = `query DependencyChoices($planId: ID!) {
  plan(id: $planId) { dependencies { revision } }
  actions(planId: $planId, first: 100, filter: { inForce: true }) { edges { node { id ref title status } } }
}`;

export interface DependencyChoicesAnswer {
  plan: { dependencies: { revision: number | null } };
  actions: { edges: { node: { id: string; ref: string; title: string; status: string } }[] };
}

const NETWORK_ANSWER = 'revision actionsAtRisk';
export const DECLARE_DEPENDENCY = `mutation DeclareDependency($input: DeclareDependencyInput!) { declareDependency(input: $input) { ${NETWORK_ANSWER} } }`;
export const REMOVE_DEPENDENCY = `mutation RemoveDependency($input: RemoveDependencyInput!) { removeDependency(input: $input) { ${NETWORK_ANSWER} } }`;
