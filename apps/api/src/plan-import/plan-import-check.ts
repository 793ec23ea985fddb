import {
  ACTION_REF_PATTERN,
  ActionState,
  AddAction,
  CalendarDate,
  CommandMetadata,
  decideAction,
  DomainError,
  evolveAction,
  ExistingAction,
  PlanState,
  ReportProgress,
} from '@send/domain';
import { actionIdFor } from '@send/event-store';
import { isProblem, longTextOf, Numbered, Read, readDate, readNumbered, readPriorities, readRag, textOf } from './cell-values';
import { KnownOwners, lookUpOwner } from './owner-lookup';
import { ColumnKey, HeaderedSheet } from './plan-import-columns';
import { normalText, textViolation } from '../hardening/text-rule';
import { RowProblem } from './plan-import-report';

/** The most each column may hold: the same limits as the addAction and reportProgress mutations. */
const MAX_LENGTH: Partial<Record<ColumnKey, number>> = {
  title: 300,
  description: 5000,
  intendedImpact: 5000,
  owner: 200,
  ownerRole: 200,
  organisation: 200,
  leadOrganisation: 200,
  commentary: 5000,
};

/** Recorded when the spreadsheet has no "intended impact" column: the event needs one, and this says plainly it was not given. */
export const IMPACT_NOT_GIVEN = 'Not stated in the imported plan.';

/** An action stream the file's refs point at, with the command ids already in it. */
export interface ExistingStream {
  state: ActionState;
  commandIds: ReadonlySet<string>;
}

export interface ImportCheckContext {
  plan: Extract<PlanState, { status: 'active' }>;
  areas: Numbered[];
  priorities: Numbered[];
  owners: KnownOwners;
  /** Action streams by action id, for the refs in the file that already exist. */
  existing: ReadonlyMap<string, ExistingStream>;
  metadata: CommandMetadata;
  /** The "as at" of a rating on a row without its own. */
  defaultAsAt: CalendarDate;
  commandIdFor(row: number, step: 'add' | 'progress'): string;
}

export interface PlannedCommand {
  command: AddAction | ReportProgress;
  commandId: string;
  /** Already in the stream from an earlier run of this import. */
  done: boolean;
}

export interface CheckedRow {
  row: number;
  ref: string;
  actionId: string;
  commands: PlannedCommand[];
}

/**
 * Checks every row, collecting every problem rather than stopping at the first, and decides each
 * row's commands with the same decider a user's command goes through, so the import can refuse
 * nothing a user could do and allow nothing a user could not.
 */
export function checkImportRows(sheet: HeaderedSheet, context: ImportCheckContext): { rows: CheckedRow[]; problems: RowProblem[] } {
  const rows: CheckedRow[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfRef = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const cell = (key: ColumnKey) => (sheet.columns[key] === undefined ? null : cells[sheet.columns[key]!]);
    const rowProblems: RowProblem[] = [];
    const fail = (field: ColumnKey | 'row', code: string, message: string) =>
      rowProblems.push({ row, field, column: field === 'row' ? null : (sheet.names[field] ?? field), code, message: `Row ${row}: ${message}` });
    const take = <T>(field: ColumnKey, read: Read<T>): T | undefined => {
      if (!isProblem(read)) return read.value;
      fail(field, read.code, read.message);
      return undefined;
    };
    const text = (field: ColumnKey, required: boolean, long = false): string => {
      // A cell is text from outside like any GraphQL input, so it passes the same rule and is composed (NFC).
      const value = normalText(long ? longTextOf(cell(field)) : textOf(cell(field)));
      const violation = textViolation(value);
      if (violation) fail(field, 'UNSAFE_TEXT', `${sheet.names[field] ?? field} ${violation.message} (rule ${violation.rule})`);
      if (required && value === '') fail(field, 'MISSING_VALUE', `${sheet.names[field] ?? field} is empty; every action needs one`);
      const max = MAX_LENGTH[field];
      if (max !== undefined && value.length > max) fail(field, 'TOO_LONG', `${sheet.names[field]} is ${value.length} characters; at most ${max}`);
      return value;
    };

    const ref = text('ref', true);
    if (ref !== '' && !ACTION_REF_PATTERN.test(ref)) fail('ref', 'BAD_REF', `"${ref}" is not an action reference; write it as area.number with no leading zeros, e.g. 8.2`);
    const earlier = firstRowOfRef.get(ref);
    if (ref !== '' && earlier !== undefined) fail('ref', 'DUPLICATE_REF', `action ${ref} is also on row ${earlier}; references are unique within a plan`);
    if (ref !== '' && earlier === undefined) firstRowOfRef.set(ref, row);
    const existing = context.existing.get(actionIdFor(context.plan.planId, ref));
    // An action this import added on an earlier run is not a clash: the re-run skips it.
    if (ref !== '' && existing && !existing.commandIds.has(context.commandIdFor(row, 'add'))) {
      fail('ref', 'REF_IN_PLAN', `action ${ref} is already in the plan; references are unique within a plan`);
    }
    const areaText = textOf(cell('area'));
    const areaNumber = areaText === '' ? (fail('area', 'MISSING_VALUE', 'the area is empty'), undefined) : take('area', readNumbered(areaText, context.areas, 'area'));
    const priorityNumbers = take('priorities', readPriorities(cell('priorities'), context.priorities));
    const title = text('title', true);
    const description = text('description', true, true);
    const intendedImpact = text('intendedImpact', false, true) || IMPACT_NOT_GIVEN;
    const ownerName = text('owner', true);
    const ownerRole = text('ownerRole', false);
    const [ownOrganisation, leadText] = [text('organisation', false), text('leadOrganisation', false)];
    const organisation = ownOrganisation || leadText;
    const leadOrganisation = leadText || organisation;
    if (organisation === '') fail(sheet.columns.organisation === undefined ? 'leadOrganisation' : 'organisation', 'MISSING_VALUE', 'the organisation is empty');
    const owner =
      ownerName && organisation ? take('owner', lookUpOwner(ownerName, organisation, ownerRole, context.owners, context.plan.localArea.id)) : undefined;
    const dueDate = textOf(cell('dueDate')) === '' ? (fail('dueDate', 'MISSING_VALUE', 'the due date is empty'), undefined) : take('dueDate', readDate(cell('dueDate')));
    const rag = take('rag', readRag(cell('rag')));
    const commentary = text('commentary', false, true);
    const asAtCell = cell('asAt');
    const asAt = textOf(asAtCell) === '' ? context.defaultAsAt : take('asAt', readDate(asAtCell));
    if (rag === null && commentary !== '') {
      fail('commentary', 'COMMENTARY_WITHOUT_RAG', 'there is commentary but no RAG rating; an update records both, so give the rating');
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }

    const actionId = actionIdFor(context.plan.planId, ref);
    const add: AddAction = {
      type: 'AddAction',
      data: {
        actionId,
        planId: context.plan.planId,
        ref,
        areaNumber: areaNumber!,
        priorityNumbers: priorityNumbers!,
        title,
        description,
        intendedImpact,
        owner: owner!,
        leadOrganisation,
        dueDate: dueDate!,
      },
    };
    const progress: ReportProgress | undefined = rag ? { type: 'ReportProgress', data: { actionId, rag, commentary, asAt: asAt! } } : undefined;
    const planned = decideRow(row, add, progress, context, fail);
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else rows.push({ row, ref, actionId, commands: planned });
  }
  return { rows, problems };
}

/** Which decider rules belong to which column, for the report. */
const FIELD_OF: Record<string, ColumnKey> = {
  ref: 'ref',
  title: 'title',
  description: 'description',
  intendedImpact: 'intendedImpact',
  leadOrganisation: 'leadOrganisation',
  dueDate: 'dueDate',
  commentary: 'commentary',
  asAt: 'asAt',
  rag: 'rag',
  areaInPlan: 'area',
  refMatchesArea: 'ref',
  priorityInPlan: 'priorities',
  refUniqueInPlan: 'ref',
};

const CODE_OF_RULE: Record<string, string> = {
  areaInPlan: 'UNKNOWN_AREA',
  priorityInPlan: 'UNKNOWN_PRIORITY',
  refMatchesArea: 'REF_OUTSIDE_AREA',
  notInFuture: 'FUTURE_DATE',
  required: 'MISSING_VALUE',
  isCalendarDate: 'BAD_DATE',
  dateInRange: 'DATE_OUT_OF_RANGE',
};

function decideRow(
  row: number,
  add: AddAction,
  progress: ReportProgress | undefined,
  context: ImportCheckContext,
  fail: (field: ColumnKey | 'row', code: string, message: string) => void,
): PlannedCommand[] {
  const existing = context.existing.get(add.data.actionId);
  const addId = context.commandIdFor(row, 'add');
  const planned: PlannedCommand[] = [];
  let state: ActionState = existing?.state ?? { exists: false };
  try {
    if (!existing) state = decideAction(add, state, context.metadata, { plan: context.plan }).reduce(evolveAction, state);
    planned.push({ command: add, commandId: addId, done: existing !== undefined });
    if (!progress) return planned;
    const progressId = context.commandIdFor(row, 'progress');
    const done = existing?.commandIds.has(progressId) ?? false;
    if (!done) decideAction(progress, state as ExistingAction, context.metadata);
    planned.push({ command: progress, commandId: progressId, done });
    return planned;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = FIELD_OF[error.field ?? ''] ?? FIELD_OF[error.rule] ?? 'row';
    fail(field, CODE_OF_RULE[error.rule] ?? 'RULE_BROKEN', error.message);
    return [];
  }
}
