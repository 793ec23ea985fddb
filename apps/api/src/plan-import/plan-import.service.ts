import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@send/event-store';
import { PlanCommandService } from '../commands/plan-command.service';
import { Clock } from '../common/clock';
import { AppConfig, planImportLimits } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ProjectionService } from '../infrastructure/projection.service';
import { readModelDirectory } from './plan-import-directory';
import { PlanImportReport } from './plan-import-report';
import { PlanImporter, PlanImportRequest } from './plan-importer';

/** The api's importer: owners from the read models, and an answer that waits until the read models show the import. */
@Injectable()
export class PlanImportService {
  private readonly importer: PlanImporter;
  readonly maxBytes: number;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    dataSource: DataSource,
    commands: PlanCommandService,
    clock: Clock,
    private readonly projections: ProjectionService,
  ) {
    const limits = planImportLimits(config);
    this.maxBytes = limits.maxBytes;
    this.importer = new PlanImporter(store, commands, readModelDirectory(dataSource), clock, limits);
  }

  async import(request: PlanImportRequest): Promise<PlanImportReport> {
    const { lastPosition, ...report } = await this.importer.import(request);
    await this.projections.caughtUpTo(lastPosition);
    return report;
  }
}
