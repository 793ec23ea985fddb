import { FundingView, PlanView, rollUpFunding } from '@send/read-models';
import { excelDate, excelDateTime, pounds, SheetCell, SheetColumn } from './workbook-cells';

const KIND_WORDS: Record<string, string> = { FUNDING: 'Funding', SPEND: 'Spend to date', SAVINGS: 'Savings evidenced' };

export const FUNDING_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Action', width: 44 },
  { header: 'Figure', width: 16 },
  { header: 'Revision', width: 9 },
  { header: 'Amount (£): planned cost, spend to date or savings', width: 16, format: 'pounds' },
  { header: 'Expected savings (£)', width: 16, format: 'pounds' },
  { header: 'Savings count towards priority', width: 12 },
  { header: 'Financial year', width: 10 },
  { header: 'As at', width: 12, format: 'date' },
  { header: 'Funding source, commentary or evidence', width: 50 },
  { header: 'Reason for revision', width: 36 },
  { header: 'Recorded by', width: 24 },
  { header: 'Recorded at', width: 17, format: 'dateTime' },
  { header: 'Action id', width: 38 },
];

/**
 * Every figure given for every funded action, revisions included, in ref order and then in the
 * order they were given: an auditor can rebuild any total from these rows.
 */
export function fundingRows(funding: FundingView, plan: PlanView): SheetCell[][] {
  const byId = new Map(funding.actions.map((a) => [a.actionId, a]));
  const inRefOrder = plan.actions.filter((a) => byId.has(a.actionId));
  return inRefOrder.flatMap((action) =>
    byId.get(action.actionId)!.history.map((r) => [
      action.ref,
      action.title,
      KIND_WORDS[r.kind] ?? r.kind,
      r.revision,
      pounds(r.amount),
      pounds(r.expectedSavings),
      r.kind === 'FUNDING' ? r.savingsPriority : null,
      r.year === '' ? null : r.year,
      excelDate(r.asOfDate),
      r.text,
      r.reason,
      r.recordedBy,
      excelDateTime(r.recordedAt),
      action.actionId,
    ]),
  );
}

export const SAVINGS_TARGET_COLUMNS: SheetColumn[] = [
  { header: 'Priority', width: 10 },
  { header: 'Recovery priority', width: 44 },
  { header: 'Financial year', width: 10 },
  { header: 'Savings target (£)', width: 16, format: 'pounds' },
  { header: 'Savings evidenced (£)', width: 16, format: 'pounds' },
  { header: 'Shortfall (£)', width: 16, format: 'pounds' },
  { header: 'Target revision', width: 9 },
  { header: 'Reason', width: 44 },
  { header: 'Recorded by', width: 24 },
  { header: 'Recorded at', width: 17, format: 'dateTime' },
];

/**
 * Each priority's savings target for each year against the savings its actions evidenced (the
 * shortfall is target less evidenced, negative when exceeded), then every earlier revision of a
 * target on its own row with no roll-up, so a changed target is never silent.
 */
export function savingsTargetRows(funding: FundingView, plan: PlanView): SheetCell[][] {
  const areaOf = new Map(plan.actions.map((a) => [a.actionId, a.areaNumber]));
  const names = new Map(plan.priorities.map((p) => [p.number, p.name]));
  const rollUp = rollUpFunding(
    funding,
    (id) => areaOf.get(id),
    plan.priorities.map((p) => p.number),
    plan.areas.map((a) => a.number),
  );
  const current = new Map(funding.targets.map((t) => [`${t.priorityNumber} ${t.year}`, t]));
  const latest = rollUp.priorities.flatMap((p) =>
    p.years.map((y) => {
      const t = current.get(`${p.priorityNumber} ${y.year}`);
      return [
        p.priorityNumber,
        names.get(p.priorityNumber) ?? null,
        y.year,
        pounds(y.target),
        pounds(y.savingsEvidenced),
        y.target === null ? null : pounds(y.target - y.savingsEvidenced),
        t?.revision ?? null,
        t?.reason ?? null,
        t?.recordedBy ?? null,
        excelDateTime(t?.recordedAt ?? null),
      ];
    }),
  );
  const superseded = funding.targetHistory
    .filter((t) => current.get(`${t.priorityNumber} ${t.year}`)?.revision !== t.revision)
    .map((t) => [t.priorityNumber, names.get(t.priorityNumber) ?? null, t.year, pounds(t.target), null, null, t.revision, t.reason, t.recordedBy, excelDateTime(t.recordedAt)]);
  return [...latest, ...superseded];
}
