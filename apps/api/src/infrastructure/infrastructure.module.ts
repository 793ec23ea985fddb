import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { Clock } from '../common/clock';
import { ActionCommands } from '../actions/action-commands.service';
import { CommandRunner } from '../commands/command-runner.service';
import { PlanCommandService } from '../commands/plan-command.service';
import { MeetingCommands } from '../meetings/meeting-commands.service';
import { PlanCommands } from '../plans/plan-commands.service';
import { MetricCommands } from '../scorecard/metric-commands.service';
import { RiskCommands } from '../risks/risk-commands.service';
import { FollowUpCommands } from '../follow-ups/follow-up-commands.service';
import { ChallengeCommands } from '../challenges/challenge-commands.service';
import { DependencyCommands } from '../dependencies/dependency-commands.service';
import { UserCommands } from '../users/user-commands.service';
import { OwnerCommands } from '../owners/owner-commands.service';
import { OwnerDirectory } from '../owners/owner-directory.service';
import { eventStoreProvider, EVENT_STORE } from './event-store.provider';
import { ProjectionService } from './projection.service';
import { readDatabaseProvider } from './read-database.provider';

/** One runner (and one cache of folded streams) under every concept's commands. */
const WRITE_SIDE = [CommandRunner, PlanCommands, ActionCommands, UserCommands, MeetingCommands, MetricCommands, RiskCommands, ChallengeCommands, DependencyCommands, FollowUpCommands, PlanCommandService, OwnerDirectory, OwnerCommands];

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
        ...WRITE_SIDE,
      ],
      exports: [APP_CONFIG, Clock, EVENT_STORE, DataSource, ProjectionService, ...WRITE_SIDE],
    };
  }
}
