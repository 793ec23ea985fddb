import { createHash } from 'node:crypto';
import {
  authorizeCommand,
  canSeeArea,
  IMPROVEMENT_AREAS,
  InvalidValueError,
  isCalendarDate,
  PlanNotFoundError,
  Principal,
  RECOVERY_PRIORITIES,
  RuleViolationError,
  actionDecider,
  actionStream,
  planDecider,
  planStream,
} from '@send/domain';
import { deterministicUuid, EventStore, eventOf, GlobalPosition, actionIdFor } from '@send/event-store';
import { PlanCommandService } from '../commands/plan-command.service';
import { Clock } from '../common/clock';
import { ImportLimitError, ImportLimits } from '../common/import-limits';
import { textOf } from './cell-values';
import { CheckedRow, checkImportRows, ExistingStream } from './plan-import-check';
import { findHeader } from './plan-import-columns';
import { PlanImportDirectory } from './plan-import-directory';
import { PlanImportReport } from './plan-import-report';
import { SpreadsheetError } from './spreadsheet';
import { SpreadsheetReader } from './spreadsheet-thread';

export interface PlanImportRequest {
  planId: string;
  content: Buffer;
  principal: Principal;
  dryRun: boolean;
  /** Names the import; by default it is derived from the plan and the file's bytes, so re-running the same file resumes it. */
  importId?: string;
  /** The "as at" of a rating on a row that has no "as at" of its own; today by default. */
  asAt?: string;
  onProgress?(done: number, total: number, row: CheckedRow, outcome: 'imported' | 'already imported'): void;
}

/** The largest upload, and how far reading it may go. */
export interface PlanImportLimits extends ImportLimits {
  maxBytes: number;
}

/** A real import that stopped part way: what is in stays in, and re-running the same import completes it. */
export class ImportInterruptedError extends RuleViolationError {
  constructor(row: number, imported: number, cause: Error) {
    super(
      'importInterrupted',
      `The import stopped at row ${row}: ${cause.message}. ${imported} row(s) before it are in the plan; ` +
        'fix the cause and run the same import again (same file or import id) to complete it without repeating them.',
    );
  }
}

const IMPORT_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Imports a plan's actions from a spreadsheet through the same commands users send. The event
 * store makes each stream atomic, never several, so "all or nothing" is approached in two ways:
 * every row is checked (by the deciders themselves) before anything is written, and every command
 * id is derived from the import id and the row, so a run that stops part way is completed by
 * running it again, with nothing appended twice.
 */
export class PlanImporter {
  private readonly reader: SpreadsheetReader;

  constructor(
    private readonly store: EventStore,
    private readonly commands: PlanCommandService,
    private readonly directory: PlanImportDirectory,
    private readonly clock: Clock,
    private readonly limits: PlanImportLimits,
  ) {
    this.reader = new SpreadsheetReader(limits);
  }

  async import(request: PlanImportRequest): Promise<PlanImportReport & { lastPosition?: GlobalPosition }> {
    const { planId, principal } = request;
    const plan = await this.commands.fold(planStream(planId), planDecider);
    if (plan.status !== 'active' || !canSeeArea(principal, plan.localArea.id)) throw new PlanNotFoundError(planId);
    // A dry run is refused to anyone who could not do the real import.
    const role = authorizeCommand(principal, 'ImportPlan', plan.localArea.id);
    const importId = request.importId ?? deterministicUuid('plan-import', planId, createHash('sha256').update(request.content).digest('hex'));
    if (!IMPORT_ID.test(importId)) throw new InvalidValueError('importId', 'isImportId', 'importId must be 1–100 letters, digits, dots, colons, dashes or underscores');
    if (request.asAt !== undefined && !isCalendarDate(request.asAt)) throw new InvalidValueError('asAt', 'isCalendarDate', 'asAt must be a real calendar date as YYYY-MM-DD');

    const sheet = await this.readFile(request.content);
    const refs = [...new Set(sheet.rows.map((r) => textOf(sheet.columns.ref === undefined ? null : r.cells[sheet.columns.ref])).filter((ref) => ref !== ''))];
    const { rows, problems, updateRows } = checkImportRows(sheet, {
      plan,
      areas: IMPROVEMENT_AREAS.filter((a) => plan.areaNumbers.includes(a.number)),
      priorities: RECOVERY_PRIORITIES.filter((p) => plan.priorityNumbers.includes(p.number)),
      owners: await this.directory.knownOwners(planId, plan.localArea.id),
      existing: await this.existingStreams(refs.map((ref) => actionIdFor(planId, ref))),
      metadata: { now: this.clock.now(), commandId: importId, correlationId: importId, actor: null },
      defaultAsAt: request.asAt ?? this.clock.today(),
      commandIdFor: (row, step) => deterministicUuid('plan-import', importId, String(row), step),
    });
    const report: PlanImportReport = {
      importId,
      planId,
      dryRun: request.dryRun,
      format: sheet.sheet.format,
      sheet: sheet.sheet.name ?? null,
      headerRow: sheet.headerRow,
      rows: sheet.rows.length,
      validRows: problems.length === 0 ? rows.length + updateRows : 0,
      imported: 0,
      alreadyImported: rows.filter((r) => r.commands.every((c) => c.done)).length,
      progressRecorded: 0,
      ignoredColumns: sheet.ignored,
      problems,
      actions:
        problems.length === 0
          ? rows.map((r) => ({ row: r.row, ref: r.ref, actionId: r.actionId, outcome: 'valid' as const, updates: r.updates.map(({ row, asAt, rag }) => ({ row, asAt, rag })) }))
          : [],
    };
    if (request.dryRun || problems.length > 0) return report;

    const actor = { userId: principal.userId, displayName: principal.displayName, role };
    let lastPosition: GlobalPosition | undefined;
    for (const [index, row] of rows.entries()) {
      const addedNow = !row.commands[0].done;
      for (const planned of row.commands.filter((c) => !c.done)) {
        try {
          const result = await this.commands.executeActionCommand(planned.command, undefined, {
            principal: 'system',
            actor,
            commandId: planned.commandId,
            correlationId: importId,
          });
          lastPosition = result.position ?? lastPosition;
          if (planned.command.type === 'ReportProgress' && !result.replayed) report.progressRecorded++;
        } catch (error) {
          throw error instanceof Error ? new ImportInterruptedError(row.row, report.imported, error) : error;
        }
      }
      if (addedNow) report.imported++;
      report.actions[index].outcome = addedNow ? 'imported' : 'already imported';
      request.onProgress?.(index + 1, rows.length, row, report.actions[index].outcome as 'imported' | 'already imported');
    }
    return { ...report, lastPosition };
  }

  private async readFile(content: Buffer) {
    try {
      if (content.length > this.limits.maxBytes) {
        throw new SpreadsheetError('fileTooLarge', `The file is ${content.length} bytes; the most an import takes is ${this.limits.maxBytes} bytes`);
      }
      const sheet = findHeader(await this.reader.read(content));
      if (sheet.rows.length === 0) throw new SpreadsheetError('emptyFile', `There are no rows below the header (row ${sheet.headerRow})`);
      if (sheet.rows.length > this.limits.maxRows) {
        throw new SpreadsheetError('tooManyRows', `The file has ${sheet.rows.length} rows; an import takes at most ${this.limits.maxRows} (IMPORT_MAX_ROWS)`);
      }
      return sheet;
    } catch (error) {
      if (error instanceof SpreadsheetError || error instanceof ImportLimitError) throw new InvalidValueError('file', error.rule, error.message);
      throw error;
    }
  }

  /** The action streams the file's refs name that already exist, with the command ids in them. */
  private async existingStreams(actionIds: string[]): Promise<Map<string, ExistingStream>> {
    const existing = new Map<string, ExistingStream>();
    for (const actionId of actionIds) {
      const recorded = await this.store.readStream(actionStream(actionId));
      if (recorded.length === 0) continue;
      const state = recorded.reduce((s, e) => actionDecider.evolve(s, eventOf(e)), actionDecider.initialState());
      existing.set(actionId, { state, commandIds: new Set(recorded.map((e) => e.metadata.commandId ?? '')) });
    }
    return existing;
  }
}
