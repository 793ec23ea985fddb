/**
 * How confident the owner or the board is that the action's intended impact will be achieved,
 * kept apart from RAG: RAG says whether the work is on track, confidence whether it will change
 * outcomes, which is the auditor's question.
 */
export const DELIVERY_CONFIDENCE_LEVELS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export type DeliveryConfidence = (typeof DELIVERY_CONFIDENCE_LEVELS)[number];
