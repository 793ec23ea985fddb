import { DataSource } from 'typeorm';
import { UpcastingEventStore, GlobalPosition, RecordedEvent, Subscription, UnreadableEventError } from '@send/event-store';
import { BufferedRows } from './buffered-rows';
import { Projection, ProjectedEvent, RowRead } from './projection';
import { ProjectionCheckpointEntity } from './projection-checkpoint.entity';
import { PositionWaiters } from './position-waiters';


/** Any fixed number shared by every instance: the key of the lock that serialises projection batches. */
export const PROJECTION_BATCH_LOCK = 7_401_172_025;

/**
 * A recorded event as projections take it: the domain event beside where it was recorded. The store
 * it was read from has upcast it already (an `UpcastingEventStore`), so this only changes its type.
 */
export function toProjectedEvent(recorded: RecordedEvent): ProjectedEvent {
  return { type: recorded.type, data: recorded.data, recorded } as ProjectedEvent;
}

/**
 * Feeds every projection from one catch-up subscription. Each batch is one transaction that
 * applies the events and moves every projection's checkpoint: a crash rolls both back together,
 * so an event is never skipped and never applied twice.
 */
export class ProjectionRunner {
  private checkpoints = new Map<string, GlobalPosition>();
  private subscription: Subscription | undefined;
  private readonly waiters = new PositionWaiters();
  lastError: unknown;
  /**
   * The event the projections stopped before, for good: one this build cannot read. Reading on
   * would leave it out of every read model, and retrying cannot succeed, so they wait there.
   */
  stoppedAt: UnreadableEventError | undefined;

  constructor(
    private readonly store: UpcastingEventStore,
    private readonly dataSource: DataSource,
    private readonly projections: Projection[],
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** The position every projection has reached (the slowest one). */
  get position(): GlobalPosition | undefined {
    let lowest: GlobalPosition | undefined;
    for (const p of this.projections) {
      const at = this.checkpoints.get(p.name);
      if (at === undefined) return undefined;
      if (lowest === undefined || at < lowest) lowest = at;
    }
    return lowest;
  }

  async loadCheckpoints(): Promise<void> {
    const rows = await this.dataSource.getRepository(ProjectionCheckpointEntity).find();
    this.checkpoints = new Map(rows.map((r) => [r.name, r.position]));
  }

  async start(): Promise<void> {
    await this.loadCheckpoints();
    this.stoppedAt = undefined;
    const subscription = this.store.subscribeToAll({
      after: this.position,
      onEvents: (events) => this.applyBatch(events),
      onError: (error) => {
        this.lastError = error;
        if (error instanceof UnreadableEventError) {
          this.stoppedAt = error;
          void subscription.unsubscribe();
        }
        this.onError(error);
      },
    });
    this.subscription = subscription;
  }

  async stop(): Promise<void> {
    await this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  async applyBatch(events: RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    const stored = await this.dataSource.transaction(async (manager) => {
      // Two api instances may both be projecting (a lease being handed over): PostgreSQL
      // serialises their batches on this lock, and each re-reads the checkpoints inside its own
      // transaction, so an event the other already applied is skipped, never applied twice.
      if (this.dataSource.options.type === 'postgres') await manager.query('SELECT pg_advisory_xact_lock($1)', [PROJECTION_BATCH_LOCK]);
      const rows = await manager.find(ProjectionCheckpointEntity);
      const checkpoints = new Map(rows.map((r) => [r.name, r.position]));
      const changes = new BufferedRows(manager);
      const behind = (projection: Projection, event: ProjectedEvent) => {
        const at = checkpoints.get(projection.name);
        return at === undefined || event.recorded.position > at;
      };
      const projected = events.map(toProjectedEvent);
      const reads: RowRead[] = [];
      for (const event of projected) {
        for (const projection of this.projections) if (projection.rowsRead && behind(projection, event)) reads.push(...projection.rowsRead(event));
      }
      await changes.load(reads);
      for (const event of projected) {
        for (const projection of this.projections) if (behind(projection, event)) await projection.apply(event, changes);
      }
      await changes.flush();
      // A checkpoint never moves back: replaying an older batch must not make a restart re-apply events.
      const next = new Map(
        this.projections.map((p) => {
          const at = checkpoints.get(p.name);
          return [p.name, at !== undefined && at > last ? at : last] as const;
        }),
      );
      await manager.upsert(
        ProjectionCheckpointEntity,
        this.projections.map((p) => ({ name: p.name, position: next.get(p.name)! })),
        ['name'],
      );
      return next;
    });
    this.checkpoints = stored;
    this.lastError = undefined;
    this.waiters.release(this.position);
  }

  /** Whether anyone is waiting for the read models to reach a position. */
  get waiting(): boolean {
    return this.waiters.waiting;
  }

  /** Reads the checkpoints another instance's projector has stored, and releases whoever waits on them. */
  async refreshFromDatabase(): Promise<void> {
    await this.loadCheckpoints();
    this.waiters.release(this.position);
  }

  /** Resolves once every read model includes the event at `position` (read-your-writes). */
  waitForPosition(position: GlobalPosition, timeoutMs = 5000): Promise<void> {
    return this.waiters.waitFor(position, this.position, timeoutMs);
  }
}
