import { deterministicUuid } from '@send/event-store';

/** A metric's id comes from its plan and code, so a code is unique in a plan by "stream must not exist". */
export const metricIdFor = (planId: string, code: string) => deterministicUuid('metric', planId, code);
