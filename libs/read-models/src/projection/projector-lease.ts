import { DataSource, QueryRunner } from 'typeorm';

/** Any fixed number shared by every instance: the key of the lock only the active projector holds. */
export const PROJECTOR_LEASE_LOCK = 7_401_172_026;

/**
 * Which api instance runs the projections. On PostgreSQL a session advisory lock, held on a
 * connection of its own: if the holder dies, its connection closes and the lock is free for the
 * next instance to take. An SQLite read database belongs to one process, which always holds it.
 */
export class ProjectorLease {
  private holder: QueryRunner | undefined;
  private held = false;

  constructor(private readonly dataSource: DataSource) {}

  get isHeld(): boolean {
    return this.held;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.held) return true;
    if (this.dataSource.options.type !== 'postgres') return (this.held = true);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [PROJECTOR_LEASE_LOCK])) as { locked: boolean }[];
    if (!locked) {
      await runner.release();
      return false;
    }
    this.holder = runner;
    return (this.held = true);
  }

  async release(): Promise<void> {
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
