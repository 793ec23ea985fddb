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
  ReportableRag,
  ReportProgress,
  ukDate,
} from '@send/domain';
import { actionIdFor } from '@send/event-store';
import { isProblem, longTextOf, Numbered, Read, readDate, readNumbered, readPriorities, readRag, textOf } from './cell-values';
import { KnownOwners, lookUpOwner } from './owner-lookup';
import { ColumnKey, HeaderedSheet } from './plan-import-columns';
import { SheetRow } from './spreadsheet';
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

/** What a row with a RAG says: the action's rating and commentary as at a date. */
export interface DatedUpdate {
  row: number;
  rag: ReportableRag;
  commentary: string;
  asAt: CalendarDate;
}

/** What a row says about the action itself; a row repeating a ref must leave these blank or as on the ref's first row. */
const ACTION_COLUMNS: ColumnKey[] = ['area', 'priorities', 'title', 'description', 'intendedImpact', 'owner', 'ownerRole', 'organisation', 'leadOrganisation', 'dueDate'];

type Fail = (field: ColumnKey | 'row', code: string, message: string) => void;

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
  /** The action's dated updates in the order they are recorded (by date): its own row's and those of rows repeating its ref. */
  updates: DatedUpdate[];
}

/**
 * Checks every row, collecting every problem rather than stopping at the first, and decides each
 * row's commands with the same decider a user's command goes through, so the import can refuse
 * nothing a user could do and allow nothing a user could not.
 */
export function checkImportRows(sheet: HeaderedSheet, context: ImportCheckContext): { rows: CheckedRow[]; problems: RowProblem[]; updateRows: number } {
  const problems: RowProblem[] = [];
  const firstRowOfRef = new Map<string, SheetRow>();
  const updatesOf = new Map<string, DatedUpdate[]>();
  const actions: { row: number; add: AddAction; fail: Fail }[] = [];
  for (const sheetRow of sheet.rows) {
    const { row, cells } = sheetRow;
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
    const earlier = ref === '' ? undefined : firstRowOfRef.get(ref);
    const update = (): DatedUpdate | undefined => {
      const rag = take('rag', readRag(cell('rag')));
      const commentary = text('commentary', false, true);
      const asAtCell = cell('asAt');
      const asAt = textOf(asAtCell) === '' ? context.defaultAsAt : take('asAt', readDate(asAtCell));
      if (rag === null && commentary !== '') {
        fail('commentary', 'COMMENTARY_WITHOUT_RAG', 'there is commentary but no RAG rating; an update records both, so give the rating');
      }
      return rag && asAt ? { row, rag, commentary, asAt } : undefined;
    };
    if (earlier !== undefined) {
      // A repeated ref is a dated update of the action on its first row, if it says nothing else about the action.
      const differing = ACTION_COLUMNS.filter((key) => textOf(cell(key)) !== '' && textOf(cell(key)) !== textOf(cellOf(sheet, earlier, key)));
      if (differing.length > 0) {
        fail('ref', 'DUPLICATE_REF', `action ${ref} is also on row ${earlier.row}, with another ${differing.map((k) => sheet.names[k] ?? k).join(', ')}; references are unique within a plan. A row repeating a ref is a dated update of that action: leave its other columns blank or as on row ${earlier.row}`);
        problems.push(...rowProblems);
        continue;
      }
      const dated = update();
      if (dated === undefined && rowProblems.length === 0) fail('rag', 'MISSING_VALUE', `the RAG is empty; a row repeating action ${ref} (row ${earlier.row}) is a dated update of it, so give the rating`);
      if (dated) updatesOf.get(ref)?.push(dated);
      problems.push(...rowProblems);
      continue;
    }
    if (ref !== '') firstRowOfRef.set(ref, sheetRow);
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
    const own = update();
    if (ref !== '') updatesOf.set(ref, own ? [own] : []);
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
    actions.push({ row, add, fail: (field, code, message) => problems.push({ row, field, column: field === 'row' ? null : (sheet.names[field] ?? field), code, message: `Row ${row}: ${message}` }) });
  }
  const rows: CheckedRow[] = [];
  for (const { row, add, fail } of actions) {
    const updates = inDateOrder(updatesOf.get(add.data.ref) ?? [], sheet, problems);
    const before = problems.length;
    const planned = decideRow(row, add, updates, context, (field, code, message, updateRow = row) =>
      updateRow === row ? fail(field, code, message) : problems.push({ row: updateRow, field, column: field === 'row' ? null : (sheet.names[field] ?? field), code, message: `Row ${updateRow}: ${message}` }),
    );
    if (problems.length === before) rows.push({ row, ref: add.data.ref, actionId: add.data.actionId, commands: planned, updates });
  }
  // Decided after every row is read, since an action's updates may be on any later row; reported in the file's order.
  problems.sort((a, b) => a.row - b.row);
  const updateRows = rows.reduce((n, r) => n + r.updates.filter((u) => u.row !== r.row).length, 0);
  return { rows, problems, updateRows };
}

/** A cell of an earlier row, by what its column means. */
function cellOf(sheet: HeaderedSheet, sheetRow: SheetRow, key: ColumnKey) {
  return sheet.columns[key] === undefined ? null : sheetRow.cells[sheet.columns[key]!];
}

/**
 * An action's dated updates in the order to record them: by date, as the decider accepts no update
 * dated before the last. Two on one day cannot be put in order, so the later row is refused.
 */
function inDateOrder(updates: DatedUpdate[], sheet: HeaderedSheet, problems: RowProblem[]): DatedUpdate[] {
  const byDate = new Map<string, DatedUpdate>();
  for (const update of updates) {
    const first = byDate.get(update.asAt);
    if (first === undefined) {
      byDate.set(update.asAt, update);
      continue;
    }
    problems.push({
      row: update.row, field: 'asAt', column: sheet.names.asAt ?? 'asAt', code: 'DUPLICATE_UPDATE_DATE',
      message: `Row ${update.row}: row ${first.row} already holds this action's update as at ${ukDate(update.asAt)}; one update per action per date (correct it after the import if it changed that day)`,
    });
  }
  return [...byDate.values()].sort((a, b) => (a.asAt < b.asAt ? -1 : a.asAt > b.asAt ? 1 : a.row - b.row));
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

/**
 * The action's commands, each decided on the state the ones before it leave (an update earlier
 * than one already in the stream, say from a re-run with an edited file, is refused as a user's
 * would be). A refusal is reported against the row it came from.
 */
function decideRow(
  row: number,
  add: AddAction,
  updates: DatedUpdate[],
  context: ImportCheckContext,
  fail: (field: ColumnKey | 'row', code: string, message: string, updateRow?: number) => void,
): PlannedCommand[] {
  const existing = context.existing.get(add.data.actionId);
  const addId = context.commandIdFor(row, 'add');
  const planned: PlannedCommand[] = [];
  let state: ActionState = existing?.state ?? { exists: false };
  let at = row;
  try {
    if (!existing) state = decideAction(add, state, context.metadata, { plan: context.plan }).reduce(evolveAction, state);
    planned.push({ command: add, commandId: addId, done: existing !== undefined });
    for (const update of updates) {
      at = update.row;
      const progress: ReportProgress = { type: 'ReportProgress', data: { actionId: add.data.actionId, rag: update.rag, commentary: update.commentary, asAt: update.asAt } };
      const progressId = context.commandIdFor(update.row, 'progress');
      const done = existing?.commandIds.has(progressId) ?? false;
      if (!done) state = decideAction(progress, state as ExistingAction, context.metadata).reduce(evolveAction, state);
      planned.push({ command: progress, commandId: progressId, done });
    }
    return planned;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const field = FIELD_OF[error.field ?? ''] ?? FIELD_OF[error.rule] ?? 'row';
    fail(field, CODE_OF_RULE[error.rule] ?? 'RULE_BROKEN', error.message, at);
    return [];
  }
}
