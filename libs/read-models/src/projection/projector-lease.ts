import { DataSource, QueryRunner } from 'typeorm';

/** Any fixed number shared by every instance: the key of the lock only the active projector holds. */
export const PROJECTOR_LEASE_LOCK = 7_401_172_026;

/** How long the active projector may go unheard before PostgreSQL ends its session and so frees the lease. */
export const DEFAULT_LEASE_TIMEOUT_MS = 15_000;

export interface ProjectorLeaseOptions {
  timeoutMs?: number;
  /** Called once when a held lease is found to be gone (its session ended); the holder must stop projecting. */
  onLost?: (reason: string) => void;
}

/**
 * Which api instance runs the projections. On PostgreSQL a session advisory lock, held on a
 * connection of its own: if the holder dies, its connection closes and the lock is free for the
 * next instance to take. A holder that is alive but frozen (stopped, swapped out, a stalled VM)
 * would keep its connection, and the lease, for as long as it is frozen; so the session gets an
 * idle timeout and the holder sends a heartbeat well inside it. Frozen means silent, and
 * PostgreSQL ends the session. A holder that wakes to find its session gone gives the lease up.
 * Its last batch cannot double-apply anything meanwhile: every batch re-reads the checkpoints
 * under a transaction lock (ProjectionRunner.applyBatch).
 * An SQLite read database belongs to one process, which always holds it.
 */
export class ProjectorLease {
  private holder: QueryRunner | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private held = false;
  private readonly timeoutMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ProjectorLeaseOptions = {},
  ) {
    this.timeoutMs = Math.max(1000, Math.floor(options.timeoutMs ?? DEFAULT_LEASE_TIMEOUT_MS));
  }

  get isHeld(): boolean {
    return this.held;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (this.dataSource.options.type !== 'postgres') return (this.held = true);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Set before taking the lock, so no moment exists in which the lock is held without the timeout.
      await runner.query(`SET idle_session_timeout = ${this.timeoutMs}`);
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [PROJECTOR_LEASE_LOCK])) as { locked: boolean }[];
      if (!locked) {
        await runner.release();
        return false;
      }
    } catch (error) {
      await runner.release();
      throw error;
    }
    this.holder = runner;
    this.held = true;
    // The lease's session stays checked out of the pool, where nothing listens for its errors: a
    // server restart would then be an unhandled 'error' event and end the process. It is heard
    // here instead, and the next beat finds the session gone and gives the lease up.
    (runner as unknown as { databaseConnection?: { on(event: 'error', listener: () => void): void } }).databaseConnection?.on('error', () => void this.beat(runner));
    this.heartbeat = setInterval(() => void this.beat(runner), Math.floor(this.timeoutMs / 4));
    this.heartbeat.unref();
    return true;
  }

  private async beat(runner: QueryRunner): Promise<void> {
    if (this.holder !== runner) return;
    try {
      await runner.query('SELECT 1');
    } catch (error) {
      if (this.holder !== runner) return;
      this.stopHeartbeat();
      this.holder = undefined;
      this.held = false;
      await runner.release().catch(() => undefined);
      this.options.onLost?.(error instanceof Error ? error.message : String(error));
    }
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  async release(): Promise<void> {
    this.stopHeartbeat();
    const runner = this.holder;
    this.holder = undefined;
    this.held = false;
    if (!runner) return;
    try {
      await runner.query('SELECT pg_advisory_unlock($1)', [PROJECTOR_LEASE_LOCK]);
    } finally {
      await runner.release();
    }
  }
}
