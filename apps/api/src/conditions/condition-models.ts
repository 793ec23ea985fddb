import { ConditionEntity, ConditionRegisterView, ConditionStatusEntity } from '@send/read-models';
import { RagStatus } from '@send/domain';
import { financeLineModels, FinanceAtInstant } from './condition-finance-lines';
import { ConditionModel, ConditionQuarterModel, ConditionStatusModel } from './models/condition.model';

/** What the linked actions and metrics are called (and rated), and the finance figures, at the instant the register shows. */
export interface LinkedNames {
  actions: Map<string, { ref: string; title: string; rag: RagStatus }>;
  metrics: Map<string, string>;
  finance: FinanceAtInstant;
}

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en-GB', { numeric: true });

const statusModel = (row: ConditionStatusEntity): ConditionStatusModel => ({
  quarter: row.quarter,
  version: row.version,
  status: row.status,
  commentary: row.commentary,
  replacesApproved: row.replacesApproved,
  recordedAt: row.recordedAt,
  recordedBy: row.recordedBy,
  approved: row.approvedAt !== null,
  approvedAt: row.approvedAt,
  approvedBy: row.approvedBy,
});

function quarterModels(rows: ConditionStatusEntity[]): ConditionQuarterModel[] {
  const byQuarter = new Map<string, ConditionStatusModel[]>();
  for (const row of [...rows].sort((a, b) => a.version - b.version)) byQuarter.set(row.quarter, [...(byQuarter.get(row.quarter) ?? []), statusModel(row)]);
  return [...byQuarter.keys()].sort().map((quarter) => {
    const versions = byQuarter.get(quarter)!;
    const latest = versions[versions.length - 1];
    return { quarter, latest, approved: [...versions].reverse().find((v) => v.approved) ?? null, awaitingApproval: !latest.approved, versions };
  });
}

/**
 * The register's conditions as the API shows them, from rows of one instant (the read database's,
 * or an as-at fold's) and the names of what they link to at that same instant, so a condition
 * never mixes now and then.
 */
export function conditionModels(view: ConditionRegisterView, names: LinkedNames): ConditionModel[] {
  return view.conditions.map((row: ConditionEntity) => {
    const quarters = quarterModels(view.statuses.filter((s) => s.conditionId === row.conditionId));
    const wordings = view.wordings
      .filter((w) => w.conditionId === row.conditionId)
      .sort((a, b) => a.version - b.version)
      .map((w) => ({ version: w.version, text: w.text, sourceParagraph: w.sourceParagraph, measureOfSuccess: w.measureOfSuccess, dueDate: w.dueDate, reason: w.reason, recordedAt: w.occurredAt }));
    const actions = row.actionIds.flatMap((id) => {
      const action = names.actions.get(id);
      return action ? [{ id, ...action }] : [];
    });
    const metrics = row.metricIds.flatMap((id) => (names.metrics.has(id) ? [{ id, name: names.metrics.get(id)! }] : []));
    return {
      id: row.conditionId,
      planId: row.planId,
      ref: row.ref,
      text: row.text,
      sourceParagraph: row.sourceParagraph,
      measureOfSuccess: row.measureOfSuccess,
      dueDate: row.dueDate,
      wordingVersion: row.wordingVersion,
      wordings,
      quarters,
      currentQuarter: quarters[quarters.length - 1] ?? null,
      actions: actions.sort((a, b) => byNumber(a.ref, b.ref)),
      metrics: metrics.sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
      financeLines: financeLineModels(row.financeLines, names.finance),
      addedAt: row.addedAt,
      revision: row.revision,
    };
  });
}
