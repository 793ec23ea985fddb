import { PlanView } from '@send/read-models';
import { excelDate, excelDateTime, phrase, SheetCell, SheetColumn } from './workbook-cells';

const RAG_WORDS: Record<string, string> = { NOT_YET_RATED: 'Not yet rated', RED: 'Red', AMBER: 'Amber', GREEN: 'Green', BLUE: 'Blue (complete)' };
export const rag = (value: string | null | undefined) => (value ? (RAG_WORDS[value] ?? value) : null);

export const ACTION_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Title', width: 50 },
  { header: 'Area', width: 6 },
  { header: 'Area name', width: 30 },
  { header: 'Recovery priorities', width: 12 },
  { header: 'Owner', width: 24 },
  { header: 'Owner role', width: 30 },
  { header: 'Owner organisation', width: 22 },
  { header: 'Lead organisation', width: 22 },
  { header: 'Due date', width: 12, format: 'date' },
  { header: 'Original due date', width: 12, format: 'date' },
  { header: 'Status', width: 12 },
  { header: 'RAG', width: 14 },
  { header: 'Last update as at', width: 12, format: 'date' },
  { header: 'Delivery confidence', width: 12 },
  { header: 'Confidence as at', width: 12, format: 'date' },
  { header: 'Completed on', width: 12, format: 'date' },
  { header: 'Action id', width: 38 },
  { header: 'Revision', width: 9 },
];

export function actionRows(plan: PlanView): SheetCell[][] {
  const areaName = new Map(plan.areas.map((a) => [a.number, a.name]));
  return plan.actions.map((a) => [
    a.ref,
    a.title,
    a.areaNumber,
    areaName.get(a.areaNumber) ?? null,
    a.priorityNumbers.join(', '),
    a.owner.name,
    a.owner.role,
    a.owner.organisation,
    a.leadOrganisation,
    excelDate(a.dueDate),
    excelDate(a.originalDueDate),
    phrase(a.status),
    rag(a.rag),
    excelDate(a.lastAsAt),
    phrase(a.deliveryConfidence),
    excelDate(a.confidenceHistory.at(-1)?.asAt ?? null),
    excelDate(a.completedOn),
    a.actionId,
    a.revision,
  ]);
}

export const UPDATE_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Action', width: 40 },
  { header: 'As at', width: 12, format: 'date' },
  { header: 'Kind', width: 12 },
  { header: 'RAG', width: 14 },
  { header: 'Commentary', width: 70 },
  { header: 'By', width: 24 },
  { header: 'Role', width: 20 },
  { header: 'Recorded (UK time)', width: 17, format: 'dateTime' },
  { header: 'Corrects the update at revision', width: 12 },
  { header: 'Revision', width: 9 },
];

/** Every progress update and correction, from each action's history, oldest first within the action. */
export function updateRows(plan: PlanView): SheetCell[][] {
  return plan.actions.flatMap((a) =>
    a.timeline
      .filter((t) => t.eventType === 'ProgressReported' || t.eventType === 'ProgressCorrected')
      .map((t) => {
        const to = (field: string) => t.changes.find((c) => c.field === field)?.to ?? null;
        return [
          a.ref,
          a.title,
          excelDate(to('asAt')),
          t.eventType === 'ProgressCorrected' ? 'Correction' : 'Update',
          rag(to('rag')),
          to('commentary'),
          t.actorName,
          phrase(t.actorRole),
          excelDateTime(t.occurredAt),
          t.supersedesRevision,
          t.revision,
        ];
      }),
  );
}

export const EVIDENCE_COLUMNS: SheetColumn[] = [
  { header: 'Ref', width: 8 },
  { header: 'Action', width: 40 },
  { header: 'Evidence', width: 50 },
  { header: 'Kind', width: 10 },
  { header: 'Link or document reference', width: 40 },
  { header: 'File', width: 30 },
  { header: 'Submitted by', width: 24 },
  { header: 'Submitted (UK time)', width: 17, format: 'dateTime' },
  { header: 'Status', width: 12 },
  { header: 'Reviewed (UK time)', width: 17, format: 'dateTime' },
  { header: 'Reviewed by', width: 24 },
  { header: 'Reason for rejection', width: 40 },
];

export function evidenceRows(plan: PlanView): SheetCell[][] {
  return plan.actions.flatMap((a) =>
    a.evidence.map((e) => [
      a.ref,
      a.title,
      e.title,
      phrase(e.kind),
      e.link ?? e.documentReference,
      e.file?.originalName ?? null,
      e.submittedBy,
      excelDateTime(e.submittedAt),
      phrase(e.status),
      excelDateTime(e.reviewedAt),
      e.reviewedBy,
      e.rejectionReason,
    ]),
  );
}
