import { COMPARATORS, FREQUENCIES, METRIC_RAGS, METRIC_UNITS, POLARITIES } from '@send/domain';
import { TREND_DIRECTIONS } from '@send/read-models';
import { graphqlEnum } from '../../common/graphql-enum';

export const MetricUnitName = graphqlEnum(METRIC_UNITS, { name: 'MetricUnit', description: 'PERCENT; RATE_PER_10000 (e.g. EHCPs per 10,000 aged 0–25); RATE_PER_100 (e.g. exclusions per 100 pupils); COUNT; GBP; GBP_PER_HEAD.' });
export const PolarityName = graphqlEnum(POLARITIES, { name: 'Polarity' });
export const FrequencyName = graphqlEnum(FREQUENCIES, {
  name: 'MetricFrequency',
  description: 'Period formats: MONTHLY "2025-04", TERMLY "2025/26 T1" (T1 autumn, T2 spring, T3 summer), ANNUAL "2024", ACADEMIC_YEAR "2024/25" (September to August); FINANCIAL_YEAR "2024/25" (April to March); FINANCIAL_QUARTER "2025/26 Q2" (Q1 April–June … Q4 January–March).',
});
export const ComparatorName = graphqlEnum(COMPARATORS, { name: 'Comparator' });
export const MetricRagName = graphqlEnum(METRIC_RAGS, { name: 'MetricRag', description: 'Against the target for the period (or the next target on the trajectory).' });
export const TrendDirectionName = graphqlEnum(TREND_DIRECTIONS, { name: 'TrendDirection' });

export type MetricUnitName = (typeof METRIC_UNITS)[number];
export type PolarityName = (typeof POLARITIES)[number];
export type FrequencyName = (typeof FREQUENCIES)[number];
export type ComparatorName = (typeof COMPARATORS)[number];
export type MetricRagName = (typeof METRIC_RAGS)[number];
export type TrendDirectionName = (typeof TREND_DIRECTIONS)[number];
