export type ConfidenceLevel = 'HIGH' | 'MEDIUM' | 'LOW';

/** The levels as the board says them. */
export const CONFIDENCE_WORDS: Record<ConfidenceLevel, string> = { HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' };

export interface ConfidenceRating {
  level: ConfidenceLevel;
  commentary: string;
  asOfDate: string;
  ratedBy: string | null;
}

/** "Green but not moving the needle": why, one line per metric reason, in the API's words. */
export interface ImpactFlag {
  reasons: { metricName: string; text: string }[];
}

/** What an action's page reads of its delivery confidence and flag. */
export const CONFIDENCE_FIELDS = `deliveryConfidence { level commentary asOfDate ratedBy }
    confidenceHistory { level commentary asOfDate ratedBy }
    impactFlag { reasons { metricName text } }`;

export const RATE_CONFIDENCE = `mutation RateDeliveryConfidence($input: RateDeliveryConfidenceInput!) { rateDeliveryConfidence(input: $input) { id revision ref deliveryConfidence { level asOfDate } } }`;

export interface RateConfidenceAnswer {
  rateDeliveryConfidence: { id: string; revision: number; ref: string; deliveryConfidence: { level: ConfidenceLevel; asOfDate: string } };
}
