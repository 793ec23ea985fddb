import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { AppendTiming } from './append-timing';
import { AppLogger, createRootLogger } from './app-logger';
import { HealthController } from './health.controller';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { ProjectionLagProbe } from './projection-lag.probe';
import { RequestLog } from './request-log';

/** Logs, metrics and health probes, for IT to watch the app by (docs/monitoring.md). */
@Global()
@Module({
  // The health controller logs a change of readiness itself, once, rather than every failed probe.
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [
    { provide: AppLogger, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new AppLogger(createRootLogger(config)) },
    { provide: Metrics, useFactory: () => new Metrics() },
    ProjectionLagProbe,
    RequestLog,
    AppendTiming,
  ],
  exports: [AppLogger, Metrics, RequestLog],
})
export class ObservabilityModule {}
