import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, GlobalPosition } from '@send/event-store';
import { defaultProjections, ProjectionRunner } from '@send/read-models';
import { EVENT_STORE } from './event-store.provider';

/** Runs the read-model projections for the life of the app. */
@Injectable()
export class ProjectionService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly runner: ProjectionRunner;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {
    this.runner = new ProjectionRunner(store, dataSource, defaultProjections(), (error) =>
      this.logger.error(`Projection batch failed; will retry: ${error instanceof Error ? error.message : error}`),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  get position(): GlobalPosition | undefined {
    return this.runner.position;
  }

  /** After a write, wait until the read models show it, so the response is what the user just did. */
  async caughtUpTo(position: GlobalPosition | undefined, timeoutMs = 5000): Promise<void> {
    if (position === undefined) return;
    await this.runner.waitForPosition(position, timeoutMs);
  }

  /** Waits until every event in the store so far is in the read models. */
  async caughtUpToHead(timeoutMs = 30_000): Promise<void> {
    await this.caughtUpTo(await this.store.headPosition(), timeoutMs);
  }
}
