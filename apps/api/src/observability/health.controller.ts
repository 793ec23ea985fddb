import { Controller, Get, Inject, Logger, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ChainIntegrity, EventStore } from '@send/event-store';
import { historyBreakId } from '@send/domain';
import { PublicRoute } from '../auth/public-route.decorator';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { DEFAULT_MAX_PROJECTION_LAG_SECONDS } from '../config/observability-config';
import { CHAIN_INTEGRITY, EVENT_STORE } from '../infrastructure/event-store.provider';
import { ProjectionLagProbe } from './projection-lag.probe';

/** A check that has not answered in this long counts as down: a probe must not hang with the database. */
const CHECK_TIMEOUT_MS = 3000;

/**
 * Probes for a load balancer or orchestrator, without a token. Live: the process answers. Ready:
 * the event store and the read database answer, and the read models are no further behind than
 * HEALTH_MAX_PROJECTION_LAG_SECONDS. The answer names each check and its state, never a person,
 * a path or a connection string; why a check failed goes to the log.
 */
@PublicRoute()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private readonly maxLagSeconds: number;
  private wasReady: boolean | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly lag: ProjectionLagProbe,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
  ) {
    this.maxLagSeconds = config.monitoring?.maxProjectionLagSeconds ?? DEFAULT_MAX_PROJECTION_LAG_SECONDS;
  }

  @Get('live')
  live(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, []);
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    const result = await this.answer(response, [() => this.eventStore(), () => this.readDatabase(), () => this.projections(), () => this.historyCheck(false)]);
    this.changed(result);
    return result;
  }

  /**
   * Whether the tamper-evident history verifies (the continuous check's last word; nothing is
   * hashed to answer). Down (503) while it is broken, for monitoring to page someone; readiness
   * names it too but stays up, since the service keeps answering reads, each marked unverified.
   */
  @Get('history')
  history(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return this.answer(response, [() => this.historyCheck(true)]);
  }

  private async historyCheck(downWhenBroken: boolean): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('history');
    const { status, verifiedThrough, firstBreak, acknowledgement, lastCheckedAt } = this.integrity.snapshot();
    if (status !== 'BROKEN' || !firstBreak) {
      return check.up({ chain: status, ...(verifiedThrough ? { verifiedThroughPosition: String(verifiedThrough.position) } : {}), ...(lastCheckedAt ? { lastCheckedAt } : {}) });
    }
    const details = {
      chain: status,
      message: 'The recorded history does not verify: answers are marked unverified' + (acknowledgement ? '; the break is acknowledged and writing goes on.' : ' and writes are refused until the programme office acknowledges the break.'),
      breakId: historyBreakId(firstBreak.position, firstBreak.kind),
      acknowledged: acknowledgement !== undefined,
      ...(lastCheckedAt ? { lastCheckedAt } : {}),
    };
    return downWhenBroken ? check.down(details) : check.up(details);
  }

  /** Terminus throws its 503; the answer is the same JSON with the status set here, outside the GraphQL error filter. */
  private async answer(response: Response, checks: HealthIndicatorFunction[]): Promise<HealthCheckResult> {
    response.setHeader('Cache-Control', 'no-store');
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      response.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }

  private async eventStore(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('eventStore');
    try {
      await withTimeout(this.store.headPosition(), 'the event store');
      return check.up();
    } catch (error) {
      this.logger.warn(`Readiness: the event store does not answer: ${messageOf(error)}`);
      return check.down({ message: 'The event store does not answer.' });
    }
  }

  private async readDatabase(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('readDatabase');
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), 'the read database');
      return check.up();
    } catch (error) {
      this.logger.warn(`Readiness: the read database does not answer: ${messageOf(error)}`);
      return check.down({ message: 'The read database does not answer.' });
    }
  }

  private async projections(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('projections');
    let lag;
    try {
      lag = await withTimeout(this.lag.measure(), 'the projection lag');
    } catch (error) {
      this.logger.warn(`Readiness: the projection lag cannot be measured: ${messageOf(error)}`);
      return check.down({ message: 'How far the read models are behind cannot be measured.', maxLagSeconds: this.maxLagSeconds });
    }
    const details = { eventsBehind: lag.eventsBehind, lagSeconds: lag.seconds, maxLagSeconds: this.maxLagSeconds };
    if (lag.seconds <= this.maxLagSeconds) return check.up(details);
    return check.down({ message: `The read models are ${lag.seconds} s behind the event store; at most ${this.maxLagSeconds} s is ready.`, ...details });
  }

  /** Logged once per change, not once per probe: an orchestrator asks every few seconds. */
  private changed(result: HealthCheckResult): void {
    const ready = result.status === 'ok';
    if (this.wasReady === ready) return;
    if (ready && this.wasReady === false) this.logger.log('Ready again.');
    if (!ready) this.logger.warn(`Not ready: ${Object.keys(result.error ?? {}).join(', ')} failing.`);
    this.wasReady = ready;
  }
}

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
