import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names come from clients: past this many distinct ones, new names are counted as "_other". */
export const MAX_OPERATION_NAMES = 200;

export interface ProjectionLag {
  /** Events in the store the read models do not have yet, counted up to PROJECTION_LAG_COUNT_LIMIT. */
  eventsBehind: number;
  /** How long ago the oldest of them was recorded; 0 when there are none. */
  seconds: number;
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus metrics, in a registry of its own (not prom-client's global one), so two
 * apps in one process (tests, a CLI beside the api) never count into each other. Names and labels
 * are listed in docs/monitoring.md.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'send_request_duration_seconds',
    help: 'Time to answer a request, by GraphQL operation name and type (or HTTP route) and outcome (ok or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'send_event_append_duration_seconds',
    help: 'Time to append one command’s events to the event store, by outcome (ok, conflict, unavailable, error).',
    labelNames: ['outcome'] as const,
    buckets: SECONDS_BUCKETS,
    registers: [this.registry],
  });
  readonly reminderFailures = new Counter({
    name: 'send_reminder_failures_total',
    help: 'Reminder mails that failed (stage="send": the mail server refused or was unreachable) and reminder checks that failed as a whole (stage="check").',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });
  private readonly verificationOk = new Gauge({
    name: 'send_history_verification_ok',
    help: 'Whether the last hash-chain verification this instance ran found the history intact (1) or broken (0); absent until one runs.',
    registers: [this.registry],
  });
  private readonly verifiedPosition = new Gauge({
    name: 'send_history_verified_position',
    help: 'Global position of the newest event covered by the last hash-chain verification this instance ran.',
    registers: [this.registry],
  });
  private readonly verifiedAt = new Gauge({
    name: 'send_history_verified_timestamp_seconds',
    help: 'When the last hash-chain verification this instance ran finished (Unix time).',
    registers: [this.registry],
  });
  private readonly operationNames = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts the projection lag when scraped: one measurement shared by both gauges. */
  trackProjectionLag(measure: () => Promise<ProjectionLag>): void {
    let pending: Promise<ProjectionLag | undefined> | undefined;
    const once = () => (pending ??= measure().catch(() => undefined).finally(() => (pending = undefined)));
    new Gauge({
      name: 'send_projection_lag_events',
      help: 'Events in the event store not yet in the read models (counted up to 1,000); NaN when the store or read database cannot be read.',
      registers: [this.registry],
      async collect() {
        this.set((await once())?.eventsBehind ?? Number.NaN);
      },
    });
    new Gauge({
      name: 'send_projection_lag_seconds',
      help: 'How long ago the oldest event not yet in the read models was recorded; 0 when they are caught up.',
      registers: [this.registry],
      async collect() {
        this.set((await once())?.seconds ?? Number.NaN);
      },
    });
  }

  recordVerification(ok: boolean, position: bigint | undefined, at: Date): void {
    this.verificationOk.set(ok ? 1 : 0);
    if (position !== undefined) this.verifiedPosition.set(Number(position));
    this.verifiedAt.set(at.getTime() / 1000);
  }

  /** The history's integrity as this instance knows it when scraped: read from it, never pushed, so no path that changes it can leave the gauges behind. */
  trackIntegrity(snapshot: () => { status: string; acknowledgement?: unknown }): void {
    new Gauge({
      name: 'send_history_broken',
      help: 'Whether this instance knows the history to be broken (1: every answer is marked unverified until it is restored); 0 otherwise.',
      registers: [this.registry],
      collect() {
        this.set(snapshot().status === 'BROKEN' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'send_history_writes_refused',
      help: 'Whether this instance refuses writes (1) because the history is broken and the break is not yet acknowledged; 0 otherwise.',
      registers: [this.registry],
      collect() {
        const { status, acknowledgement } = snapshot();
        this.set(status === 'BROKEN' && !acknowledgement ? 1 : 0);
      },
    });
  }

  /** The label for a client's operation name: bounded, so a client cannot grow the series without end. */
  operationLabel(name: string | undefined): string {
    if (!name) return '_anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return '_other';
    this.operationNames.add(name);
    return name;
  }
}
