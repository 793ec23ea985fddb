import { registerEnumType } from '@nestjs/graphql';

export enum MetricUnitName {
  PERCENT = 'PERCENT',
  RATE_PER_10000 = 'RATE_PER_10000',
  RATE_PER_100 = 'RATE_PER_100',
  COUNT = 'COUNT',
  GBP = 'GBP',
  GBP_PER_HEAD = 'GBP_PER_HEAD',
}
export enum PolarityName {
  HIGHER_IS_BETTER = 'HIGHER_IS_BETTER',
  LOWER_IS_BETTER = 'LOWER_IS_BETTER',
}
export enum FrequencyName {
  MONTHLY = 'MONTHLY',
  TERMLY = 'TERMLY',
  ANNUAL = 'ANNUAL',
  ACADEMIC_YEAR = 'ACADEMIC_YEAR',
}
export enum ComparatorName {
  ENGLAND = 'ENGLAND',
  REGION = 'REGION',
  STATISTICAL_NEIGHBOURS = 'STATISTICAL_NEIGHBOURS',
}
export enum MetricRagName {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}
export enum TrendDirectionName {
  UP = 'UP',
  DOWN = 'DOWN',
  FLAT = 'FLAT',
}

registerEnumType(MetricUnitName, { name: 'MetricUnit', description: 'PERCENT; RATE_PER_10000 (e.g. EHCPs per 10,000 aged 0–25); RATE_PER_100 (e.g. exclusions per 100 pupils); COUNT; GBP; GBP_PER_HEAD.' });
registerEnumType(PolarityName, { name: 'Polarity' });
registerEnumType(FrequencyName, {
  name: 'MetricFrequency',
  description: 'Period formats: MONTHLY "2025-04", TERMLY "2025/26 T1" (T1 autumn, T2 spring, T3 summer), ANNUAL "2024", ACADEMIC_YEAR "2024/25".',
});
registerEnumType(ComparatorName, { name: 'Comparator' });
registerEnumType(MetricRagName, { name: 'MetricRag', description: 'Against the target for the period (or the next target on the trajectory).' });
registerEnumType(TrendDirectionName, { name: 'TrendDirection' });
