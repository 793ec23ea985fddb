import {
  CommandMetadata,
  decideMetric,
  DomainError,
  evolveMetric,
  MetricCommand,
  MetricState,
  RecordMeasurement,
} from '@send/domain';
import { ImportBudget, ImportLimits } from '../../common/import-limits';
import { CsvRow, CsvSyntaxError, parseCsv } from './csv';

export const IMPORT_COLUMNS = ['metric', 'period', 'value', 'as_at', 'source', 'provisional'] as const;

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportPlan {
  rows: number;
  errors: ImportRowError[];
  /** The commands to run, in file order; only meaningful when there are no errors. */
  commands: RecordMeasurement[];
}

/** A metric the file may name: by its id or its name, as councils write it in their spreadsheets. */
export interface ImportableMetric {
  metricId: string;
  name: string;
  state: MetricState;
}

const PROVISIONAL: Record<string, boolean> = { '': false, no: false, n: false, false: false, yes: true, y: true, true: true, provisional: true };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Checks every row of a measurements CSV against the same rules a single recordMeasurement
 * obeys (the metric's decider, fed the rows before it), and reports every bad row with its
 * number, so a file is imported whole or not at all. A file past the import limits is refused
 * whole with ImportLimitError.
 */
export function planMeasurementImport(
  csv: string,
  metrics: ImportableMetric[],
  metadata: CommandMetadata,
  measurementIdFor: (row: number) => string,
  limits: ImportLimits,
): ImportPlan {
  const budget = new ImportBudget(limits);
  let parsed: CsvRow[];
  try {
    parsed = parseCsv(csv, budget);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: 0, errors: [{ row: error.row, field: 'csv', message: error.message }], commands: [] };
    throw error;
  }
  const [header, ...rows] = parsed;
  const columns = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (!header || missing.length > 0) {
    return { rows: rows.length, errors: [{ row: header?.row ?? 1, field: 'header', message: `The first row must name the columns ${IMPORT_COLUMNS.join(', ')}; missing: ${missing.join(', ')}` }], commands: [] };
  }
  const byKey = new Map<string, ImportableMetric>();
  for (const m of metrics) {
    byKey.set(m.metricId.toLowerCase(), m);
    byKey.set(m.name.trim().toLowerCase(), m);
  }
  const states = new Map(metrics.map((m) => [m.metricId, m.state]));
  const errors: ImportRowError[] = [];
  const commands: RecordMeasurement[] = [];
  for (const { row, cells } of rows) {
    budget.checkTime();
    const value = (column: (typeof IMPORT_COLUMNS)[number]) => (cells[columns.indexOf(column)] ?? '').trim();
    const fail = (field: string, message: string) => errors.push({ row, field, message: `Row ${row}: ${message}` });
    const metric = byKey.get(value('metric').toLowerCase());
    if (!metric) {
      fail('metric', `no metric "${value('metric')}" on this plan's scorecard`);
      continue;
    }
    if (!NUMBER.test(value('value'))) {
      fail('value', `value "${value('value')}" is not a number`);
      continue;
    }
    const provisional = PROVISIONAL[value('provisional').toLowerCase()];
    if (provisional === undefined) {
      fail('provisional', `provisional "${value('provisional')}" must be yes or no`);
      continue;
    }
    const command: RecordMeasurement = {
      type: 'RecordMeasurement',
      data: {
        metricId: metric.metricId,
        measurementId: measurementIdFor(row),
        period: value('period'),
        value: Number(value('value')),
        asAt: value('as_at'),
        source: value('source'),
        provisional,
      },
    };
    try {
      const state = states.get(metric.metricId)!;
      const events = decideMetric(command as MetricCommand, state, metadata);
      // Later rows are checked against this one, so a period twice in the file is caught.
      states.set(metric.metricId, events.reduce(evolveMetric, state));
      commands.push(command);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field = error.field === 'asAt' ? 'as_at' : (error.field ?? (error.rule === 'oneMeasurementPerPeriod' ? 'period' : 'row'));
      fail(field, error.message);
    }
  }
  return { rows: rows.length, errors, commands };
}
