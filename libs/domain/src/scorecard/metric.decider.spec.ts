import { ActionState } from '../action/action.decider';
import { decidePlan, evolvePlan, initialPlanState, PlanState } from '../plan/plan.decider';
import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { Comparator, DefineMetric, MetricCommand, RecordMeasurement, ReviseMetric } from './metric.commands';
import { currentMeasurement, decideMetric, evolveMetric, initialMetricState, MetricDecisionContext, MetricState } from './metric.decider';
import { MetricEvent } from './metric.events';

const meta = (now = '2025-10-01T09:00:00.000Z'): CommandMetadata => ({ now, commandId: 'c1', correlationId: 'c1' });
const given = (events: MetricEvent[]): MetricState => events.reduce(evolveMetric, initialMetricState());
const when = (command: MetricCommand, state: MetricState, context?: MetricDecisionContext) => decideMetric(command, state, meta(), context);
const history = (events: MetricEvent[], command: MetricCommand, context?: MetricDecisionContext) => [
  ...events,
  ...when(command, given(events), context),
];

// The plan comes from its own decider so areas are checked against the real seeded ones.
const plan: PlanState = decidePlan(
  {
    type: 'CreatePlan',
    data: { planId: 'plan-1', localArea: { id: 'dorset', name: 'Dorset' }, title: 'SEND and AP Improvement Plan', version: '2', approvedOn: '2025-09-24' },
  },
  initialPlanState(),
  meta(),
).reduce(evolvePlan, initialPlanState());

const action = (actionId: string, planId = 'plan-1'): ActionState => ({ exists: true, actionId, planId, ref: '5.1' }) as ActionState;
const actions = [action('action-5-1'), action('action-5-2'), action('action-x', 'plan-2')];
const context: MetricDecisionContext = { plan, actions };

const metricId = 'metric-ehcp-20-weeks';

function define(data: Partial<DefineMetric['data']> = {}): DefineMetric {
  return {
    type: 'DefineMetric',
    data: {
      metricId,
      planId: 'plan-1',
      name: 'New EHCPs issued within 20 weeks',
      description: 'Year to date, excluding exceptions',
      unit: 'PERCENT',
      polarity: 'HIGHER_IS_BETTER',
      frequency: 'MONTHLY',
      source: 'SEN2 / case management system',
      owner: 'Head of SEND Statutory Services',
      areaNumbers: [5],
      actionIds: ['action-5-1'],
      ...data,
    },
  };
}

const { type: _type, data: definedData } = define();
const defined: MetricEvent = { type: 'MetricDefined', data: definedData };

function revise(data: Partial<ReviseMetric['data']> = {}): ReviseMetric {
  const { planId: _planId, ...definition } = definedData;
  return { type: 'ReviseMetric', data: { ...definition, reason: 'Board asked for the month figure', ...data } };
}

const record = (measurementId: string, period: string, value: number, extra: Partial<RecordMeasurement['data']> = {}): MetricCommand => ({
  type: 'RecordMeasurement',
  data: { metricId, measurementId, period, value, asAt: '2025-09-30', source: 'SEN2', provisional: false, ...extra },
});

const correct = (measurementId: string, supersedesMeasurementId: string, value: number, reason = 'Late returns from two settings'): MetricCommand => ({
  type: 'CorrectMeasurement',
  data: { metricId, measurementId, supersedesMeasurementId, value, asAt: '2025-09-30', source: 'SEN2 (resubmitted)', provisional: false, reason },
});

const april = { measurementId: 'm-2025-04', period: '2025-04', value: 25.9, asAt: '2025-05-10', source: 'SEN2', provisional: true };
const aprilRecorded: MetricEvent = { type: 'MeasurementRecorded', data: { metricId, ...april } };

const existing = (state: MetricState) => {
  if (!state.exists) throw new Error('expected the metric to exist');
  return state;
};

describe('Defining a metric', () => {
  it('records the definition, trimmed, with its areas in number order', () => {
    const command = define({ name: '  New EHCPs issued within 20 weeks ', areaNumbers: [5, 1] });
    expect(when(command, given([]), context)).toEqual([{ type: 'MetricDefined', data: { ...definedData, areaNumbers: [1, 5] } }]);
  });

  it('needs the plan to exist', () => {
    const error = refusal(() => when(define(), given([]), { actions }));
    expect([error.kind, error.rule]).toEqual(['not_found', 'planExists']);
    expect(refusal(() => when(define({ planId: 'plan-2' }), given([]), context)).rule).toBe('planExists');
  });

  it('is done once per metric id', () => {
    const error = refusal(() => when(define(), given([defined]), context));
    expect([error.kind, error.rule]).toEqual(['already_exists', 'metricIsNew']);
  });

  it.each(['name', 'description', 'source', 'owner'] as const)('needs a %s', (field) => {
    const error = refusal(() => when(define({ [field]: '  ' }), given([]), context));
    expect([error.field, error.rule]).toEqual([field, 'required']);
  });

  it.each([
    ['unit', 'PERCENTAGE'],
    ['polarity', 'UP'],
    ['frequency', 'WEEKLY'],
  ] as const)('refuses a %s that is not one of the listed values', (field, value) => {
    const error = refusal(() => when(define({ [field]: value } as Partial<DefineMetric['data']>), given([]), context));
    expect([error.kind, error.field, error.rule]).toEqual(['invalid', field, 'oneOf']);
    expect(error.message).toMatch(new RegExp(`^${field} must be one of `));
  });

  it.each([
    ['no areas', [], 'required'],
    ['an area outside 1 to 8', [9], 'areaInPlan'],
    ['area 0', [0], 'areaInPlan'],
    ['a fractional area', [5.5], 'areaInPlan'],
    ['an area twice', [5, 5], 'unique'],
  ])('refuses %s', (_case, areaNumbers, rule) => {
    const error = refusal(() => when(define({ areaNumbers }), given([]), context));
    expect([error.field, error.rule]).toEqual(['areaNumbers', rule]);
  });

  it('links only existing actions of the same plan', () => {
    for (const actionIds of [['action-missing'], ['action-x'], ['action-5-1', 'action-x']]) {
      const error = refusal(() => when(define({ actionIds }), given([]), context));
      expect([error.kind, error.field, error.rule]).toEqual(['invalid', 'actionIds', 'actionOfPlan']);
    }
    expect(refusal(() => when(define(), given([]), { plan })).rule).toBe('actionOfPlan');
    expect(refusal(() => when(define({ actionIds: ['action-5-1', 'action-5-1'] }), given([]), context)).rule).toBe('unique');
  });

  it('may evidence an area without linking any action', () => {
    expect(when(define({ actionIds: [] }), given([]), { plan })[0].data).toMatchObject({ actionIds: [] });
  });
});

describe('Every change to a metric that does not exist', () => {
  it.each<MetricCommand>([
    revise(),
    { type: 'SetTarget', data: { metricId, period: '2026-03', target: 60, amberTolerance: 5 } },
    record('m1', '2025-04', 25.9),
    correct('m2', 'm1', 26.1),
    { type: 'RecordComparator', data: { metricId, period: '2025-04', comparator: 'ENGLAND', value: 46.4, source: 'DfE' } },
  ])('is refused as not found: $type', (command) => {
    const error = refusal(() => when(command, given([]), context));
    expect([error.kind, error.rule]).toEqual(['not_found', 'metricExists']);
  });
});

describe('Revising a metric', () => {
  it('records the whole new definition with the reason, keeping the original in the history', () => {
    const events = history([defined], revise({ name: 'EHCPs issued within 20 weeks (month)', areaNumbers: [5, 3] }), context);
    expect(events).toEqual([
      defined,
      {
        type: 'MetricRevised',
        data: { ...revise().data, name: 'EHCPs issued within 20 weeks (month)', areaNumbers: [3, 5] },
      },
    ]);
    expect(existing(given(events))).toMatchObject({ name: 'EHCPs issued within 20 weeks (month)', areaNumbers: [3, 5], planId: 'plan-1' });
  });

  it('refuses a revision that changes nothing, however the lists are ordered', () => {
    expect(refusal(() => when(revise(), given([defined]), context)).rule).toBe('definitionChanged');
    const linked = history([defined], revise({ actionIds: ['action-5-1', 'action-5-2'] }), context);
    expect(refusal(() => when(revise({ actionIds: ['action-5-2', 'action-5-1'] }), given(linked), context)).rule).toBe('definitionChanged');
    expect(refusal(() => when(revise({ name: ` ${definedData.name} ` }), given([defined]), context)).rule).toBe('definitionChanged');
  });

  it('needs a reason', () => {
    const error = refusal(() => when(revise({ owner: 'Director of Education', reason: ' ' }), given([defined]), context));
    expect([error.field, error.rule]).toEqual(['reason', 'required']);
  });

  it('checks the revised definition as a new one is checked', () => {
    expect(refusal(() => when(revise({ unit: 'PERCENTAGE' as never }), given([defined]), context)).rule).toBe('oneOf');
    expect(refusal(() => when(revise({ areaNumbers: [] }), given([defined]), context)).rule).toBe('required');
    expect(refusal(() => when(revise({ actionIds: ['action-x'] }), given([defined]), context)).rule).toBe('actionOfPlan');
  });

  it('may change the frequency only while no period has a figure or target', () => {
    expect(when(revise({ frequency: 'TERMLY' }), given([defined]), context)[0].data).toMatchObject({ frequency: 'TERMLY' });
    const error = refusal(() => when(revise({ frequency: 'TERMLY' }), given([defined, aprilRecorded]), context));
    expect(error.rule).toBe('frequencyFixedOncePeriodsRecorded');
  });

  it('counts a target or a comparator, not only a figure, as a recorded period', () => {
    const targeted: MetricEvent = { type: 'TargetSet', data: { metricId, period: '2026-03', target: 60, amberTolerance: 5 } };
    const compared: MetricEvent = { type: 'ComparatorRecorded', data: { metricId, period: '2025-04', comparator: 'ENGLAND', value: 46.4, source: 'DfE', neighbour: null } };
    for (const recorded of [targeted, compared]) {
      expect(refusal(() => when(revise({ frequency: 'TERMLY' }), given([defined, recorded]), context)).rule).toBe('frequencyFixedOncePeriodsRecorded');
    }
  });

  it('may change the rest of the definition after periods are recorded', () => {
    expect(when(revise({ owner: 'Director of Education' }), given([defined, aprilRecorded]), context)[0].data).toMatchObject({ owner: 'Director of Education' });
  });
});

describe('Setting a target', () => {
  const target = (period: string, value: number, amberTolerance: number | null = 5): MetricCommand => ({
    type: 'SetTarget',
    data: { metricId, period, target: value, amberTolerance },
  });

  it('records the target for a period; a later one for the same period replaces it', () => {
    const events = history(history([defined], target('2026-03', 60)), target('2026-03', 65, null));
    expect(events.slice(1)).toEqual([
      { type: 'TargetSet', data: { metricId, period: '2026-03', target: 60, amberTolerance: 5 } },
      { type: 'TargetSet', data: { metricId, period: '2026-03', target: 65, amberTolerance: null } },
    ]);
    expect(existing(given(events)).targets).toEqual({ '2026-03': { target: 65, amberTolerance: null } });
  });

  it('refuses a period that does not fit the metric’s frequency, naming the format', () => {
    const error = refusal(() => when(target('2025/26', 60), given([defined])));
    expect([error.field, error.rule]).toEqual(['period', 'periodFormat']);
    expect(error.message).toContain('YYYY-MM');
  });

  it('needs finite numbers and a tolerance of zero or more', () => {
    expect(refusal(() => when(target('2026-03', Number.NaN), given([defined]))).rule).toBe('finiteNumber');
    expect(refusal(() => when(target('2026-03', 60, Number.POSITIVE_INFINITY), given([defined]))).rule).toBe('finiteNumber');
    const negative = refusal(() => when(target('2026-03', 60, -1), given([defined])));
    expect([negative.field, negative.rule]).toEqual(['amberTolerance', 'nonNegative']);
    expect(when(target('2026-03', 60, 0), given([defined]))).toHaveLength(1);
  });

  it('names the field that is not a finite number', () => {
    expect(refusal(() => when(target('2026-03', Number.NaN), given([defined]))).field).toBe('target');
    expect(refusal(() => when(target('2026-03', 60, Number.NaN), given([defined]))).field).toBe('amberTolerance');
  });
});

describe('Recording a measurement', () => {
  it('records the figure as at a date, provisional or not', () => {
    expect(when(record('m-2025-04', '2025-04', 25.9, { asAt: '2025-05-10', provisional: true }), given([defined]))).toEqual([aprilRecorded]);
    expect(existing(given([defined, aprilRecorded])).measurements).toEqual([{ ...april, supersededBy: null }]);
  });

  it('refuses a second figure for a period that already has one, pointing to a correction', () => {
    const error = refusal(() => when(record('m-2025-04b', '2025-04', 26.1), given([defined, aprilRecorded])));
    expect([error.kind, error.rule]).toEqual(['rule_violation', 'oneMeasurementPerPeriod']);
    expect(error.message).toMatch(/correct/);
  });

  it('refuses a measurement id already used on the metric', () => {
    const error = refusal(() => when(record('m-2025-04', '2025-05', 30), given([defined, aprilRecorded])));
    expect([error.kind, error.rule]).toEqual(['already_exists', 'measurementIdUnique']);
  });

  it('refuses an as-at date after today or not a date', () => {
    expect(refusal(() => when(record('m1', '2025-09', 87.1, { asAt: '2025-10-02' }), given([defined]))).rule).toBe('notInFuture');
    expect(refusal(() => when(record('m1', '2025-09', 87.1, { asAt: '2025-09-31' }), given([defined]))).rule).toBe('isCalendarDate');
    expect(when(record('m1', '2025-09', 87.1, { asAt: '2025-10-01' }), given([defined]))).toHaveLength(1);
  });

  it('checks the period, the value and the source', () => {
    expect(refusal(() => when(record('m1', '2025-13', 30), given([defined]))).rule).toBe('periodFormat');
    expect(refusal(() => when(record('m1', '2025-05', Number.NaN), given([defined]))).field).toBe('value');
    expect(refusal(() => when(record('m1', '2025-05', 30, { source: ' ' }), given([defined]))).field).toBe('source');
  });

  it('names the measurement id, the as-at date and the provisional flag when they are wrong', () => {
    expect(refusal(() => when(record(' ', '2025-05', 30), given([defined])))).toMatchObject({ field: 'measurementId', rule: 'required' });
    expect(refusal(() => when(record('m1', '2025-05', 30, { asAt: '2025-10-02' }), given([defined]))).field).toBe('asAt');
    const flag = refusal(() => when(record('m1', '2025-05', 30, { provisional: 'yes' as unknown as boolean }), given([defined])));
    expect(flag).toMatchObject({ kind: 'invalid', field: 'provisional', rule: 'boolean' });
    expect(flag.message).toBe('provisional must be true or false');
  });
});

describe('Correcting a measurement', () => {
  const corrected = history([defined, aprilRecorded], correct('m-2025-04-v2', 'm-2025-04', 26.4));

  it('records the correction for the superseded figure’s period', () => {
    expect(corrected.at(-1)).toEqual({
      type: 'MeasurementCorrected',
      data: {
        metricId,
        measurementId: 'm-2025-04-v2',
        supersedesMeasurementId: 'm-2025-04',
        period: '2025-04',
        value: 26.4,
        asAt: '2025-09-30',
        source: 'SEN2 (resubmitted)',
        provisional: false,
        reason: 'Late returns from two settings',
      },
    });
  });

  it('keeps both figures and makes the correction the current one', () => {
    const { measurements } = existing(given(corrected));
    expect(measurements.map((m) => [m.measurementId, m.value, m.supersededBy])).toEqual([
      ['m-2025-04', 25.9, 'm-2025-04-v2'],
      ['m-2025-04-v2', 26.4, null],
    ]);
    expect(currentMeasurement(measurements, '2025-04')?.value).toBe(26.4);
    expect(currentMeasurement(measurements, '2025-05')).toBeUndefined();
  });

  it('corrects a correction, but never a figure already corrected', () => {
    const twice = history(corrected, correct('m-2025-04-v3', 'm-2025-04-v2', 26.5));
    expect(currentMeasurement(existing(given(twice)).measurements, '2025-04')?.measurementId).toBe('m-2025-04-v3');
    const error = refusal(() => when(correct('m-2025-04-v3', 'm-2025-04', 26.5), given(corrected)));
    expect([error.kind, error.rule]).toEqual(['rule_violation', 'supersedesCurrent']);
  });

  it('still allows only one current figure per period', () => {
    expect(refusal(() => when(record('m-2025-04-v9', '2025-04', 30), given(corrected))).rule).toBe('oneMeasurementPerPeriod');
  });

  it('needs a reason, a new id and an existing figure to correct', () => {
    expect(refusal(() => when(correct('m-2025-04-v3', 'm-2025-04-v2', 26.5, ''), given(corrected))).field).toBe('reason');
    expect(refusal(() => when(correct('m-2025-04', 'm-2025-04-v2', 26.5), given(corrected))).rule).toBe('measurementIdUnique');
    const missing = refusal(() => when(correct('m-new', 'm-nowhere', 26.5), given(corrected)));
    expect([missing.kind, missing.rule]).toEqual(['not_found', 'measurementExists']);
  });

  it('leaves the figures of other periods current', () => {
    const may: MetricEvent = { type: 'MeasurementRecorded', data: { metricId, measurementId: 'm-2025-05', period: '2025-05', value: 31.2, asAt: '2025-06-10', source: 'SEN2', provisional: false } };
    const events = history([defined, aprilRecorded, may], correct('m-2025-04-v2', 'm-2025-04', 26.4));
    expect(currentMeasurement(existing(given(events)).measurements, '2025-05')?.measurementId).toBe('m-2025-05');
  });

  it('checks the corrected value, as-at date, source and provisional flag, naming each', () => {
    const base = correct('m-2025-04-v3', 'm-2025-04-v2', 26.5) as Extract<MetricCommand, { type: 'CorrectMeasurement' }>;
    const with_ = (data: Partial<typeof base.data>): MetricCommand => ({ ...base, data: { ...base.data, ...data } });
    expect(refusal(() => when(with_({ value: Number.NaN }), given(corrected))).field).toBe('value');
    expect(refusal(() => when(with_({ asAt: '2025-10-02' }), given(corrected))).field).toBe('asAt');
    expect(refusal(() => when(with_({ source: ' ' }), given(corrected))).field).toBe('source');
    expect(refusal(() => when(with_({ provisional: undefined as unknown as boolean }), given(corrected))).field).toBe('provisional');
  });
});

describe('Recording a comparator', () => {
  const comparator = (name: Comparator, value: number, period = '2025-04', source = 'DfE LAIT', neighbour?: string | null): MetricCommand => ({
    type: 'RecordComparator',
    data: { metricId, period, comparator: name, value, source, neighbour },
  });

  it('keeps each named statistical neighbour apart from the others and from the neighbours’ median', () => {
    let events = history([defined], comparator('STATISTICAL_NEIGHBOURS', 39.4));
    events = history(events, comparator('STATISTICAL_NEIGHBOUR', 41.2, '2025-04', 'DfE LAIT', ' Kent '));
    events = history(events, comparator('STATISTICAL_NEIGHBOUR', 35.0, '2025-04', 'DfE LAIT', 'Devon'));
    expect(events.at(-2)).toEqual({
      type: 'ComparatorRecorded',
      data: { metricId, period: '2025-04', comparator: 'STATISTICAL_NEIGHBOUR', value: 41.2, source: 'DfE LAIT', neighbour: 'Kent' },
    });
    expect(existing(given(events)).comparators['2025-04']).toEqual({
      STATISTICAL_NEIGHBOURS: { value: 39.4, source: 'DfE LAIT' },
      'STATISTICAL_NEIGHBOUR:Kent': { value: 41.2, source: 'DfE LAIT' },
      'STATISTICAL_NEIGHBOUR:Devon': { value: 35.0, source: 'DfE LAIT' },
    });
  });

  it('names a council for a named neighbour, and only for one', () => {
    const missing = refusal(() => when(comparator('STATISTICAL_NEIGHBOUR', 41.2), given([defined])));
    expect([missing.field, missing.rule]).toEqual(['neighbour', 'neighbourRequired']);
    expect(refusal(() => when(comparator('STATISTICAL_NEIGHBOUR', 41.2, '2025-04', 'DfE', '  '), given([defined]))).rule).toBe('neighbourRequired');
    const onEngland = refusal(() => when(comparator('ENGLAND', 46.4, '2025-04', 'DfE', 'Kent'), given([defined])));
    expect([onEngland.field, onEngland.rule]).toEqual(['neighbour', 'neighbourOnlyForStatisticalNeighbour']);
    expect(refusal(() => when(comparator('STATISTICAL_NEIGHBOUR', 41.2, '2025-04', 'DfE', 'K'.repeat(61)), given([defined]))).rule).toBe('maxLength:60');
  });

  it('keeps one figure per period and comparator, the latest', () => {
    let events = history([defined], comparator('ENGLAND', 46.0));
    events = history(events, comparator('REGION', 25.8));
    events = history(events, comparator('ENGLAND', 46.4));
    expect(events.at(-1)).toEqual({
      type: 'ComparatorRecorded',
      data: { metricId, period: '2025-04', comparator: 'ENGLAND', value: 46.4, source: 'DfE LAIT', neighbour: null },
    });
    expect(existing(given(events)).comparators).toEqual({
      '2025-04': { ENGLAND: { value: 46.4, source: 'DfE LAIT' }, REGION: { value: 25.8, source: 'DfE LAIT' } },
    });
  });

  it('refuses an unknown comparator, a bad period or a missing source', () => {
    expect(refusal(() => when(comparator('LONDON' as Comparator, 40), given([defined]))).rule).toBe('oneOf');
    expect(refusal(() => when(comparator('ENGLAND', 40, '2025'), given([defined]))).rule).toBe('periodFormat');
    expect(refusal(() => when(comparator('ENGLAND', 40, '2025-04', ''), given([defined]))).field).toBe('source');
  });

  it('names the comparator and the value when they are wrong', () => {
    expect(refusal(() => when(comparator('LONDON' as Comparator, 40), given([defined]))).field).toBe('comparator');
    expect(refusal(() => when(comparator('ENGLAND', Number.POSITIVE_INFINITY), given([defined]))).field).toBe('value');
  });
});
