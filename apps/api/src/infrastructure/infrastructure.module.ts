import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Clock } from '../common/clock';
import { ChainIntegrity } from '@send/event-store';
import { CHAIN_INTEGRITY, eventStoreProvider, EVENT_STORE } from './event-store.provider';
import { ProjectionService } from './projection.service';
import { readDatabaseProvider } from './read-database.provider';
import { userDirectoryProvider } from './user-directory.provider';
import { LiveUserDirectory } from '@send/read-models';

/** The event store, the read database and the projections, for every feature module (the write side is WriteSideModule). */
@Global()
@Module({})
export class InfrastructureModule {
  static register(config: AppConfig, clock: Clock, integrity: ChainIntegrity): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: CHAIN_INTEGRITY, useValue: integrity },
        eventStoreProvider,
        readDatabaseProvider,
        userDirectoryProvider,
        ProjectionService,
      ],
      exports: [APP_CONFIG, Clock, CHAIN_INTEGRITY, EVENT_STORE, DataSource, ProjectionService, LiveUserDirectory],
    };
  }
}
