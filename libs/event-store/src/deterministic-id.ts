import { deterministicUuid } from './deterministic-uuid';

// Here rather than in the domain: hashing needs node:crypto, and the dashboard bundles the domain
// for the browser. Libs and apps alike take the ids from here.

/**
 * An action's id comes from its plan and reference, so "a reference is unique within a plan"
 * is enforced atomically by the store's "stream must not exist" check on the action stream.
 */
export const actionIdFor = (planId: string, ref: string) => deterministicUuid('action', planId, ref.trim());

/** People are identified by name within an organisation, case-insensitively. */
export const ownerIdFor = (name: string, organisation: string) =>
  deterministicUuid('owner', name.trim().toLowerCase(), organisation.trim().toLowerCase());

/** A risk's id comes from its plan and reference (R3), as an action's does, for the same reason. */
export const riskIdFor = (planId: string, ref: string) => deterministicUuid('risk', planId, ref.trim());
