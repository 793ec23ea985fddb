import { DataSource } from 'typeorm';
import { GlobalPosition, Subscription, UnreadableEventError, UpcastingEventStore } from '@send/event-store';
import { PositionWaiters } from '../projection/position-waiters';
import { ProjectionCheckpointEntity } from '../projection/projection-checkpoint.entity';
import { toProjectedEvent } from '../projection/projection-runner';
import { RoleGrantEntity } from './role-grant.entity';
import { UserDirectory } from './user-directory';
import { UserEntity } from './user.entity';
import { UserProjection } from './user.projection';

const USERS_PROJECTION = new UserProjection().name;

/**
 * The user directory every api instance keeps in memory, so that signing in asks no database. It
 * starts from the users read model as stored (rows and checkpoint read in one snapshot), then
 * follows the event store with a catch-up subscription of its own, on every instance, not only the
 * one running the projections: another instance's grant or revoke reaches it as soon as its
 * store hears of the append (PostgreSQL's NOTIFY, a poll otherwise), and this instance's own
 * commands wait for it (`waitForPosition`) before they are acknowledged.
 */
export class LiveUserDirectory {
  private directory = new UserDirectory();
  private reached: GlobalPosition | undefined;
  private subscription: Subscription | undefined;
  private readonly waiters = new PositionWaiters();

  constructor(
    private readonly store: UpcastingEventStore,
    private readonly dataSource: DataSource,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** The last event the directory includes. */
  get position(): GlobalPosition | undefined {
    return this.reached;
  }

  get current(): UserDirectory {
    return this.directory;
  }

  async start(): Promise<void> {
    await this.load();
    const subscription = this.store.subscribeToAll({
      after: this.reached,
      onEvents: async (events) => {
        for (const event of events) this.directory.apply(toProjectedEvent(event));
        this.reached = events[events.length - 1].position;
        this.waiters.release(this.reached);
      },
      onError: (error) => {
        // An event this build cannot read stops it there for good, as it stops the projections: retrying cannot succeed.
        if (error instanceof UnreadableEventError) void subscription.unsubscribe();
        this.onError(error);
      },
    });
    this.subscription = subscription;
  }

  async stop(): Promise<void> {
    await this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  /** Resolves once the directory includes the event at `position`. */
  waitForPosition(position: GlobalPosition, timeoutMs = 5000): Promise<void> {
    return this.waiters.waitFor(position, this.reached, timeoutMs);
  }

  private async load(): Promise<void> {
    // Another instance may be projecting meanwhile: PostgreSQL's repeatable read gives the rows
    // and the checkpoint as of one moment. An SQLite read database has only this process to write it.
    const postgres = this.dataSource.options.type === 'postgres';
    const read = this.dataSource.createQueryRunner();
    try {
      if (postgres) await read.startTransaction('REPEATABLE READ');
      const checkpoint = await read.manager.findOneBy(ProjectionCheckpointEntity, { name: USERS_PROJECTION });
      const users = await read.manager.find(UserEntity);
      const grants = await read.manager.find(RoleGrantEntity);
      if (postgres) await read.commitTransaction();
      this.directory = UserDirectory.from(users, grants);
      this.reached = checkpoint?.position;
    } finally {
      if (read.isTransactionActive) await read.rollbackTransaction().catch(() => undefined);
      await read.release();
    }
  }
}
