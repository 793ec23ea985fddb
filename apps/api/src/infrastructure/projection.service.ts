import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrokenHistoryError, EventStoreUnavailableError, GlobalPosition, isPostgresUnavailable, UnreadableEventError, UpcastingEventStore } from '@send/event-store';
import { defaultProjections, LiveUserDirectory, ProjectionRunner, ProjectorLease } from '@send/read-models';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';
import { EVENT_STORE } from './event-store.provider';

/** How often a standby instance with a request waiting reads the active projector's checkpoints (read-your-writes). */
const STANDBY_REFRESH_MS = 50;
/** How often a standby instance tries to take over the projections. */
export const LEASE_RETRY_MS = 1000;

/**
 * Runs the read-model projections for the life of the app, in exactly one api instance at a
 * time: the one holding the projector lease. The others serve reads and writes as standbys,
 * following the checkpoints the active one stores, and one of them takes over within about a
 * second when the active instance goes away. Every instance, active or not, also keeps the
 * user directory that signing in reads (LiveUserDirectory), and a write here is acknowledged only
 * once both include it.
 */
@Injectable()
export class ProjectionService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runner: ProjectionRunner;
  private readonly lease: ProjectorLease;
  private standby: NodeJS.Timeout | undefined;
  private stopped = false;
  private positionRead: Promise<GlobalPosition | undefined> | undefined;
  /** Where the projections stopped at an event that does not verify, so that is said once, not at every retry. */
  private stalledAt: GlobalPosition | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: UpcastingEventStore,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    readonly users: LiveUserDirectory,
  ) {
    this.runner = new ProjectionRunner(store, dataSource, defaultProjections(), (error) => {
      if (error instanceof BrokenHistoryError) {
        // Retried at every poll until the history is restored; the break itself is the history check's to report, once.
        if (this.stalledAt !== error.found.position) this.logger.warn(`The read models stop before position ${error.found.position}: the event there does not verify (${error.found.kind}). They go on once the history is restored.`);
        this.stalledAt = error.found.position;
        return;
      }
      this.stalledAt = undefined;
      if (error instanceof UnreadableEventError) {
        // The runner has stopped at it, so this is said once; a retry could only fail the same way.
        this.logger.error(
          `The read models stopped before position ${error.event.position} and stay there: ${error.message}. ` +
            'Run the release that wrote it (or one that knows it); the projections go on from there when it starts.',
        );
        return;
      }
      this.report('Projection batch failed; will retry', error);
    });
    this.lease = new ProjectorLease(dataSource, {
      timeoutMs: config.projectorLeaseTimeoutMs,
      onLost: (reason) => void this.leaseLost(reason),
    });
  }

  /** Whether this instance is the one running the projections. */
  get isProjecting(): boolean {
    return this.lease.isHeld;
  }

  async onModuleInit(): Promise<void> {
    // Loaded before this instance's projections start, so an SQLite read database is read between batches, never in one.
    await this.users.start();
    if (await this.lease.tryAcquire()) {
      await this.runner.start();
      return;
    }
    this.logger.log('Another instance runs the projections; this one follows its checkpoints and stands by.');
    await this.standBy();
  }

  private async standBy(): Promise<void> {
    // The database may be the reason the lease went (restarting): the checkpoints are read again at every check until it is back.
    await this.runner.loadCheckpoints().catch((error: unknown) => this.report('Standby could not read the checkpoints yet', error));
    let lastTry = Date.now();
    this.standby = setInterval(() => {
      void (async () => {
        if (this.stopped) return;
        // Only a request waiting for its own write needs the stored checkpoints; an idle standby reads nothing.
        if (this.runner.waiting) await this.runner.refreshFromDatabase();
        if (Date.now() - lastTry < LEASE_RETRY_MS) return;
        lastTry = Date.now();
        if (!(await this.lease.tryAcquire()) || this.stopped) return;
        try {
          await this.runner.start();
        } catch (error) {
          // Holding the lease without projecting would stop every instance's projections: give it back and try again later.
          await this.runner.stop().catch(() => undefined);
          await this.lease.release().catch(() => undefined);
          throw error;
        }
        clearInterval(this.standby);
        this.standby = undefined;
        this.logger.log('Took over the projections.');
      })().catch((error: unknown) => this.report('Standby check failed', error));
    }, STANDBY_REFRESH_MS);
  }

  /** A database that is down or restarting is a warning (it passes, and readiness shows it); anything else is an error. */
  private report(what: string, error: unknown): void {
    const message = `${what}: ${error instanceof Error ? error.message : error}`;
    if (error instanceof EventStoreUnavailableError || isPostgresUnavailable(error)) this.logger.warn(message);
    else this.logger.error(message);
  }

  /** This instance went unheard too long (frozen, or its connection broke) and another may now project: step back. */
  private async leaseLost(reason: string): Promise<void> {
    if (this.stopped) return;
    this.logger.warn(`Lost the projector lease (${reason}); standing by.`);
    await this.runner.stop();
    if (!this.stopped) await this.standBy();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.standby) clearInterval(this.standby);
    await this.runner.stop();
    await this.users.stop();
    await this.lease.release().catch(() => undefined);
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /**
   * After a write, wait until the read models show it, so the response is what the user just did,
   * and until the user directory does, so a role revoked here is gone from the next request.
   */
  async caughtUpTo(position: GlobalPosition | undefined, timeoutMs = 5000): Promise<void> {
    if (position === undefined) return;
    await Promise.all([this.runner.waitForPosition(position, timeoutMs), this.users.waitForPosition(position, timeoutMs)]);
  }

  /**
   * The position the read database has reached, as stored: this instance's own when it runs the
   * projections, else read from the database (one read shared by everyone asking at once). What a
   * query reads afterwards is at least this far along.
   */
  readModelPosition(): Promise<GlobalPosition | undefined> {
    if (this.isProjecting) return Promise.resolve(this.runner.position);
    this.positionRead ??= this.runner
      .refreshFromDatabase()
      .then(() => this.runner.position)
      .finally(() => (this.positionRead = undefined));
    return this.positionRead;
  }

  /** Waits until every event in the store so far is in the read models. */
  async caughtUpToHead(timeoutMs = 30_000): Promise<void> {
    await this.caughtUpTo(await this.store.headPosition(), timeoutMs);
  }
}
