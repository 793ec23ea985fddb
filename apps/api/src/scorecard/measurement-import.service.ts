import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { authorizeCommand, CommandMetadata, InvalidValueError, Principal, metricDecider, metricStream } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { MetricEntity } from '@send/read-models';
import { ActionReadService } from '../reading/action-read.service';
import { CommandRunner } from '../commands/runner/command-runner.service';
import { Clock } from '../common/clock';
import { ImportLimitError } from '../common/import-limits';
import { AppConfig, DEFAULT_IMPORT_LIMITS } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { MetricCommands } from './metric-commands.service';
import { ImportResultModel } from './models/import-result.model';
import { ImportableMetric, planMeasurementImport } from './import/measurement-import';

@Injectable()
export class MeasurementImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ActionReadService,
    // The scorecard's own commands, and the runner's fold a command would make of each metric.
    private readonly commands: MetricCommands,
    private readonly runner: CommandRunner,
    private readonly projections: ProjectionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the whole file; imports it only if every row is good and this is not a dry run. */
  async import(planId: string, csv: string, dryRun: boolean, principal: Principal, commandId: string = randomUUID()): Promise<ImportResultModel> {
    const plan = await this.plans.plan(planId, principal);
    // A dry run is refused to anyone who could not do the real import.
    authorizeCommand(principal, 'RecordMeasurement', plan.localAreaId);
    const rows = await this.dataSource.getRepository(MetricEntity).find({ where: { planId: plan.planId } });
    const metrics = await Promise.all(
      rows.map(async (m) => ({
        metricId: m.metricId,
        name: m.name,
        state: await this.runner.fold(metricStream(m.metricId), metricDecider),
      })),
    );
    const metadata = { now: this.clock.now(), commandId, correlationId: commandId, actor: null };
    const checked = this.check(csv, metrics, metadata, commandId);
    const result = { dryRun, rows: checked.rows, errors: checked.errors, imported: 0 };
    if (dryRun || checked.errors.length > 0) return result;
    let position: bigint | undefined;
    for (const [i, command] of checked.commands.entries()) {
      const done = await this.commands.execute(command, {
        principal,
        commandId: deterministicUuid('import-command', commandId, String(i)),
        correlationId: commandId,
      });
      position = done.position;
    }
    if (position !== undefined) await this.projections.caughtUpTo(position);
    return { ...result, imported: checked.commands.length };
  }

  /**
   * Parsing and checking run on the request thread, bounded by the import limits and the input's
   * 900,000 characters: a CSV at the row limit takes about half a second, the worst measured.
   */
  private check(csv: string, metrics: ImportableMetric[], metadata: CommandMetadata, commandId: string) {
    try {
      const measurementIdFor = (row: number) => deterministicUuid('imported-measurement', commandId, String(row));
      return planMeasurementImport(csv, metrics, metadata, measurementIdFor, this.config.importLimits ?? DEFAULT_IMPORT_LIMITS);
    } catch (error) {
      if (error instanceof ImportLimitError) throw new InvalidValueError('csv', error.rule, `${error.message}; nothing was imported`);
      throw error;
    }
  }
}
