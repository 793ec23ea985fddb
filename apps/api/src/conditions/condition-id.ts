import { deterministicUuid } from '@send/event-store';

/** A condition's id comes from its plan and reference, so "C2 is unique in a plan" is the store's "stream must not exist". */
export const conditionIdFor = (planId: string, ref: string) => deterministicUuid('condition', planId, ref.trim());
