import { QuarterlyReport } from './quarterly-report';

const COLUMNS = [
  'ref',
  'area',
  'area_name',
  'priorities',
  'title',
  'owner',
  'owner_role',
  'owner_organisation',
  'lead_organisation',
  'due_date',
  'status',
  'rag',
  'rag_at_previous_report',
  'movement',
  'overdue',
  'days_overdue',
  'stale',
  'last_update_as_at',
  'latest_commentary',
  'evidence_accepted_in_period',
  'at_risk_from',
  'delivery_confidence',
  'delivery_confidence_as_at',
  'green_not_moving_the_needle',
  'action_id',
  'revision',
  'plan_chain_position',
  'plan_chain_hash',
] as const;

/**
 * RFC 4180 quoting. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a
 * leading apostrophe: owners type the commentary, and the file is opened in Excel.
 */
export function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per action the plan held at the end of the period, in plan order. */
export function renderReportCsv(report: QuarterlyReport): string {
  const areaName = new Map(report.areas.map((a) => [a.number, a.name]));
  const atRiskFrom = new Map<string, string[]>();
  for (const l of report.dependencyRisks) atRiskFrom.set(l.action.actionId, [...(atRiskFrom.get(l.action.actionId) ?? []), l.from.ref]);
  const rows = report.actions.map((l) => {
    const a = l.action;
    const values: Record<(typeof COLUMNS)[number], string | number | boolean | null> = {
      ref: a.ref,
      area: a.areaNumber,
      area_name: areaName.get(a.areaNumber) ?? '',
      priorities: a.priorityNumbers.join(' '),
      title: a.title,
      owner: a.owner.name,
      owner_role: a.owner.role,
      owner_organisation: a.owner.organisation,
      lead_organisation: a.leadOrganisation,
      due_date: a.dueDate,
      status: a.status,
      rag: a.rag,
      rag_at_previous_report: l.previousRag,
      movement: l.movement,
      overdue: l.overdue ? 'yes' : 'no',
      days_overdue: l.daysOverdue,
      stale: l.stale ? 'yes' : 'no',
      last_update_as_at: a.lastAsAt,
      latest_commentary: a.latestCommentary,
      evidence_accepted_in_period: l.evidenceAcceptedInPeriod,
      at_risk_from: (atRiskFrom.get(a.actionId) ?? []).join(' ') || null,
      delivery_confidence: a.deliveryConfidence,
      delivery_confidence_as_at: a.confidenceHistory.at(-1)?.asAt ?? null,
      green_not_moving_the_needle: l.impactFlag !== null ? 'yes' : 'no',
      action_id: a.actionId,
      revision: a.revision,
      // The same on every row, so any copy of the file, or of one row, carries the plan's chain head.
      plan_chain_position: report.chainHead?.position ?? null,
      plan_chain_hash: report.chainHead?.hash ?? null,
    };
    return COLUMNS.map((c) => cell(values[c])).join(',');
  });
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
