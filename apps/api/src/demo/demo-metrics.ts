import { Comparator, Frequency, MetricCommand, MetricUnit, Polarity } from '@send/domain';
import { deterministicUuid, actionIdFor } from '@send/event-store';
import { metricIdFor } from '../scorecard/metric-id';
import { DEMO_PLAN_ID } from './demo-script';

const SCRUTINY = 'Council overview and scrutiny report on High Needs Block spending and SEND improvement, 2025';
const DFE = 'DfE published statistics, as quoted to the board';

interface DemoMetric {
  code: string;
  name: string;
  description: string;
  unit: MetricUnit;
  polarity: Polarity;
  frequency: Frequency;
  owner: string;
  areaNumbers: number[];
  actionRefs: string[];
  /** [period, value, as at, provisional?] in period order: the real figures from the brief. */
  series: [string, number, string, boolean?][];
  /** [period, comparator, value, council]: the council only for a named STATISTICAL_NEIGHBOUR. */
  comparators?: [string, Comparator, number, string?][];
  /**
   * The trajectory: [period, target, Amber tolerance]. Only the 20-week timeliness target is the
   * papers' own; the others are plausible ones a board would set, each explained beside it.
   */
  targets: [string, number, number][];
  source: string;
}

/**
 * The ten statistical neighbours the papers name, one by one. The papers give only the
 * neighbours' median (£736), minimum (£548) and maximum (£932) spend per head, so these figures
 * are illustrative: they keep that median, minimum and maximum, not each council's published figure.
 */
const NAMED_NEIGHBOURS_SPEND: [string, Comparator, number, string][] = (
  [
    ['Bedford', 690], ['Bexley', 712], ['Devon', 801], ['East Sussex', 742], ['Essex', 655],
    ['Kent', 768], ['Milton Keynes', 548], ['Norfolk', 857], ['Southend-on-Sea', 730], ['West Sussex', 932],
  ] as const
).map(([council, value]) => ['2024/25', 'STATISTICAL_NEIGHBOUR', value, council]);

/** The measures this local area's board watches, with the values from its papers (see the domain brief). */
export const DEMO_METRICS: DemoMetric[] = [
  {
    code: 'ehcp-rate',
    name: 'EHCPs per 10,000 population aged 0–25',
    description: 'Children and young people with an EHC plan per 10,000 of the 0–25 population: the demand the plan is meant to meet earlier.',
    unit: 'RATE_PER_10000', polarity: 'LOWER_IS_BETTER', frequency: 'ANNUAL',
    owner: 'Head of SEND Assessment and Review', areaNumbers: [3, 5], actionRefs: ['2.3', '3.4'],
    series: [['2025', 380.8, '2025-01-16']],
    comparators: [['2025', 'ENGLAND', 364.1], ['2025', 'REGION', 383.2], ['2025', 'STATISTICAL_NEIGHBOURS', 394.2]],
    // Plausible: hold the rate at its 2025 level, then bring it back towards England's (364.1) as early support grows.
    targets: [['2026', 380, 8], ['2027', 372, 8]],
    source: DFE,
  },
  {
    code: 'ehcp-20-weeks',
    name: 'New EHCPs issued within 20 weeks (year to date)',
    description: 'New EHC plans issued within the statutory 20 weeks, excluding exceptions, as a share of all new plans so far this year.',
    unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY',
    owner: 'Head of SEND Assessment and Review', areaNumbers: [5], actionRefs: ['5.3', '5.2', '1.4'],
    series: [['2025-08', 56, '2025-08-31']],
    comparators: [['2025-08', 'ENGLAND', 46.4], ['2025-08', 'REGION', 25.8]],
    // The papers' own target: 60% by March 2026.
    targets: [['2026-03', 60, 10]],
    source: SCRUTINY,
  },
  {
    code: 'ehcp-over-20-weeks-month',
    name: 'New EHCPs issued in the month that exceeded 20 weeks',
    description: 'Of the plans issued in the month, the share that took longer than 20 weeks (backlog clearance pushes it up).',
    unit: 'PERCENT', polarity: 'LOWER_IS_BETTER', frequency: 'MONTHLY',
    owner: 'Head of SEND Assessment and Review', areaNumbers: [5], actionRefs: ['5.3'],
    series: [['2025-04', 25.9, '2025-04-30'], ['2025-08', 87.1, '2025-08-31']],
    // Plausible: the backlog cleared by the spring, so the share issued late falls month on month.
    targets: [['2025-12', 60, 10], ['2026-03', 40, 10]],
    source: SCRUTINY,
  },
  {
    code: 'yes-to-assess-rate',
    name: '"Yes to assess" rate',
    description: 'Requests for an EHC needs assessment that were agreed, as a share of requests decided.',
    unit: 'PERCENT', polarity: 'LOWER_IS_BETTER', frequency: 'ANNUAL',
    owner: 'Head of SEND Assessment and Review', areaNumbers: [3], actionRefs: ['2.3', '3.4'],
    series: [['2020', 66.9, '2020-12-31'], ['2021', 83.4, '2021-12-31'], ['2022', 74.0, '2022-12-31'], ['2023', 69.5, '2023-12-31']],
    // Plausible: agreed requests back to the 2020 level as needs are met before a request is made.
    targets: [['2024', 68, 3], ['2025', 66, 3]],
    source: SCRUTINY,
  },
  {
    code: 'yes-to-assess-count',
    name: '"Yes to assess" decisions',
    description: 'Requests for an EHC needs assessment that were agreed in the year.',
    unit: 'COUNT', polarity: 'LOWER_IS_BETTER', frequency: 'ANNUAL',
    owner: 'Head of SEND Assessment and Review', areaNumbers: [3], actionRefs: ['2.3', '3.4'],
    series: [['2020', 322, '2020-12-31'], ['2021', 494, '2021-12-31'], ['2022', 619, '2022-12-31'], ['2023', 628, '2023-12-31']],
    // Plausible: the count held below its 2023 peak while the 0–25 population grows.
    targets: [['2024', 610, 30], ['2025', 590, 30]],
    source: SCRUTINY,
  },
  {
    code: 'exclusion-rate',
    name: 'Permanent exclusion rate per 100 pupils',
    description: 'Permanent exclusions per 100 pupils, as published; the latest year is provisional.',
    unit: 'RATE_PER_100', polarity: 'LOWER_IS_BETTER', frequency: 'ACADEMIC_YEAR',
    owner: 'SEND and AP Lead', areaNumbers: [4], actionRefs: ['4.1', '4.2', '4.4', '4.5'],
    series: [
      ['2019/20', 0.12, '2020-08-31'], ['2020/21', 0.09, '2021-08-31'], ['2021/22', 0.14, '2022-08-31'],
      ['2022/23', 0.23, '2023-08-31'], ['2023/24', 0.17, '2024-08-31'], ['2024/25', 0.2, '2025-08-31', true],
    ],
    comparators: [['2023/24', 'ENGLAND', 0.13]],
    // Plausible: back to the England rate of 2023/24 (0.13) within two years.
    targets: [['2024/25', 0.16, 0.03], ['2025/26', 0.13, 0.03]],
    source: DFE,
  },
  {
    code: 'exclusions',
    name: 'Permanent exclusions',
    description: 'Pupils permanently excluded in the academic year; the latest year is provisional.',
    unit: 'COUNT', polarity: 'LOWER_IS_BETTER', frequency: 'ACADEMIC_YEAR',
    owner: 'SEND and AP Lead', areaNumbers: [4], actionRefs: ['4.4', '4.5'],
    series: [
      ['2019/20', 60, '2020-08-31'], ['2020/21', 48, '2021-08-31'], ['2021/22', 76, '2022-08-31'],
      ['2022/23', 105, '2023-08-31'], ['2023/24', 91, '2024-08-31'], ['2024/25', 105, '2025-08-31', true],
    ],
    // Plausible: the count that matches the rate targets above for this school population.
    targets: [['2024/25', 80, 10], ['2025/26', 70, 10]],
    source: DFE,
  },
  {
    code: 'ehcp-mainstream',
    name: 'Children with an EHCP in mainstream schools',
    description: 'Share of children and young people with an EHC plan who attend a mainstream school.',
    unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'MONTHLY',
    owner: 'SEND and AP Lead', areaNumbers: [4, 6], actionRefs: ['4.1', '6.3'],
    series: [['2025-02', 39.8, '2025-02-28'], ['2025-09', 41.4, '2025-09-30']],
    // Plausible: a point and a half a year more children with a plan kept in mainstream school.
    targets: [['2025-09', 41, 1.5], ['2026-09', 42.5, 1.5]],
    source: SCRUTINY,
  },
  {
    code: 'ehcp-inmss',
    name: 'Children with an EHCP in independent or non-maintained special schools',
    description: 'Share of children and young people with an EHC plan placed in INMSS, often out of area and at high cost.',
    unit: 'PERCENT', polarity: 'LOWER_IS_BETTER', frequency: 'MONTHLY',
    owner: 'Head of Commissioning', areaNumbers: [6, 8], actionRefs: ['6.2', '6.1'],
    series: [['2024-09', 11.3, '2024-09-30'], ['2025-09', 10.8, '2025-09-30']],
    // Plausible: the sufficiency programme's new local places bring independent placements below 10%.
    targets: [['2025-09', 10.5, 0.5], ['2026-09', 9.5, 0.5]],
    source: SCRUTINY,
  },
  {
    code: 'appeals-settled',
    name: 'Appeals settled before tribunal',
    description: 'SEND appeals resolved through mediation or agreement before a tribunal hearing.',
    unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'ACADEMIC_YEAR',
    owner: 'Head of SEND Assessment and Review', areaNumbers: [5], actionRefs: ['5.5'],
    series: [['2024/25', 30, '2025-08-31']],
    // Plausible: "Way Forward" meetings and earlier mediation settle more appeals before tribunal.
    targets: [['2024/25', 35, 5], ['2025/26', 40, 5]],
    source: SCRUTINY,
  },
  {
    code: 'early-years-conversion',
    name: 'Early-years assessment request conversion',
    description: 'Early-years requests for assessment that led to an EHC plan.',
    unit: 'PERCENT', polarity: 'HIGHER_IS_BETTER', frequency: 'ACADEMIC_YEAR',
    owner: 'Designated Clinical Officer', areaNumbers: [3], actionRefs: ['3.2'],
    series: [['2023/24', 95.68, '2024-08-31'], ['2024/25', 97.9, '2025-08-31']],
    // Plausible: keep early-years requests well evidenced (above 95%) while demand grows.
    targets: [['2023/24', 95, 2], ['2024/25', 95, 2]],
    source: SCRUTINY,
  },
  {
    code: 'high-needs-spend-per-head',
    name: 'High needs gross spend per head aged 0–19',
    description: 'High Needs Block gross spend per head of the 0–19 population (the 2024/25 period is the financial year).',
    unit: 'GBP_PER_HEAD', polarity: 'LOWER_IS_BETTER', frequency: 'ACADEMIC_YEAR',
    owner: 'Finance Lead – High Needs', areaNumbers: [8], actionRefs: ['8.1', '8.2'],
    series: [['2024/25', 908, '2025-03-31']],
    comparators: [['2024/25', 'ENGLAND', 718], ['2024/25', 'STATISTICAL_NEIGHBOURS', 736], ...NAMED_NEIGHBOURS_SPEND],
    // Plausible: the recovery plan's path towards the neighbours' median (£736) over three years.
    targets: [['2024/25', 860, 40], ['2025/26', 820, 40]],
    source: SCRUTINY,
  },
];

/** The commands that put the scorecard in place, in order: definition, target, figures, comparators. */
export function demoMetricCommands(anchor: string): MetricCommand[] {
  return DEMO_METRICS.flatMap((m): MetricCommand[] => {
    const metricId = metricIdFor(DEMO_PLAN_ID, m.code);
    const { name, description, unit, polarity, frequency, owner, areaNumbers, source } = m;
    const actionIds = m.actionRefs.map((ref) => actionIdFor(DEMO_PLAN_ID, ref));
    return [
      { type: 'DefineMetric', data: { metricId, planId: DEMO_PLAN_ID, name, description, unit, polarity, frequency, source, owner, areaNumbers, actionIds } },
      ...m.targets.map(([period, target, amberTolerance]): MetricCommand => ({ type: 'SetTarget', data: { metricId, period, target, amberTolerance } })),
      ...m.series.map(([period, value, asAt, provisional]): MetricCommand => ({
        type: 'RecordMeasurement',
        data: { metricId, measurementId: deterministicUuid('demo-measurement', anchor, m.code, period), period, value, asAt, source, provisional: provisional ?? false },
      })),
      ...(m.comparators ?? []).map(([period, comparator, value, neighbour]): MetricCommand => ({
        type: 'RecordComparator',
        data: { metricId, period, comparator, value, source: neighbour ? `${source} (illustrative neighbour figure)` : source, neighbour: neighbour ?? null },
      })),
    ];
  });
}
