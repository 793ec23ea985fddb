import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Clock } from '../common/clock';
import { PlanCommandService } from '../commands/plan-command.service';
import { eventStoreProvider, EVENT_STORE } from './event-store.provider';
import { ProjectionService } from './projection.service';
import { readDatabaseProvider } from './read-database.provider';

/** The event store, the read database, the projections and the write side, for every feature module. */
@Global()
@Module({})
export class InfrastructureModule {
  static register(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        eventStoreProvider,
        readDatabaseProvider,
        ProjectionService,
        PlanCommandService,
      ],
      exports: [APP_CONFIG, Clock, EVENT_STORE, DataSource, ProjectionService, PlanCommandService],
    };
  }
}
