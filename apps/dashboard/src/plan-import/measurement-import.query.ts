export const IMPORT_MEASUREMENTS = `mutation ImportMeasurements($input: ImportMeasurementsInput!) {
  importMeasurements(input: $input) { dryRun rows imported errors { row field message } }
}`;

/** The names the file's metric column may use: the plan's scorecard, as it stands now. */
export const IMPORTABLE_METRICS_QUERY = `query ImportableMetrics($planId: ID!) {
  scorecard(planId: $planId) { id name }
}`;

export interface MeasurementImportReport {
  dryRun: boolean;
  /** Data rows read, the header not counted. */
  rows: number;
  imported: number;
  /** Every bad row, by its line in the file (the header is row 1), the column at fault, and what is wrong. */
  errors: { row: number; field: string; message: string }[];
}

export interface ImportMeasurementsAnswer {
  importMeasurements: MeasurementImportReport;
}
