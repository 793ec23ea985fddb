import Database from 'better-sqlite3';
import { join } from 'node:path';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { ProjectionService } from '../../apps/api/src/infrastructure/projection.service';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './plan-operations';
import { ReadDatabaseKind, startTestApp, TEST_AREA } from './test-app';
import { runCli } from './run-cli';

/**
 * A tamper-evident history and what is done to it: a plan whose events the tests edit, delete,
 * reorder and truncate as someone with access to the files would, and an api instance over it
 * with its log and alert mails kept (test/history-integrity.e2e-spec.ts).
 */

type App = Awaited<ReturnType<typeof startTestApp>>;
type LogLine = { level: string; context?: string; msg: string };

export const PLAN = 'tamper-plan';
export const ADVISER_MAIL = 'adviser@dfe.example';
export const OFFICE_MAIL = 'programme.office@council.example';
/** Short enough that a running api finds an edit within a second or two. */
export const HISTORY_CHECKS = { intervalMs: 200, fullIntervalMs: 1000 };
/** No timed check within a test: what a restarted api finds, its check at start-up found (or a read). */
export const START_UP_ONLY = { intervalMs: 600_000, fullIntervalMs: 600_000 };
const SECURITY = /SECURITY: the recorded history does not verify/;
export const LOCKED = /Projection batch failed; will retry: SqliteError: database is locked/;

export const REPORT = change('reportProgress', 'ReportProgressInput');

const INTEGRITY = `query ($planId: ID!) { historyIntegrity(planId: $planId) {
  status writesRefused lastCheckedAt verifiedThrough { position hash }
  break { breakId detectedAt revision alert found { kind position inThisPlan streamId revision } acknowledgement { reason acknowledgedBy acknowledgedAt } }
} }`;

/** The business days and recording instants of the seeded history: the second report is the one edited. */
const SEEDED_AT = '2026-06-01T09:00:00.000Z';
const FIRST_REPORT_AT = '2026-06-02T09:00:00.000Z';
const SECOND_REPORT_AT = '2026-06-03T09:00:00.000Z';
export const AFTER_SECOND_REPORT = '2026-06-04T09:00:00.000Z';
export const NOW = '2026-06-15T10:00:00.000Z';

const reminders = (outbox: string): AppConfig['reminders'] => ({
  scheduler: false,
  intervalMs: 60_000,
  leadDays: 2,
  digestWeekday: 7,
  digestTo: [],
  from: 'SEND tracker <tracker@council.example>',
  publicUrl: 'https://tracker.council.example',
  transport: { type: 'folder', dir: outbox },
});

/** One api process over a data directory, with its log kept and its alert mails in `outbox`. */
export class Instance {
  private constructor(
    readonly app: App,
    readonly log: LogLine[],
  ) {}

  /** On the data of `on` (another instance, running or stopped), or new data with read models of `readDatabase`. */
  static async start(on: App | ReadDatabaseKind, outbox: string, log: LogLine[] = [], extraErrors: RegExp[] = [], historyChecks = HISTORY_CHECKS): Promise<Instance> {
    const app = await startTestApp({
      now: NOW,
      ...(typeof on === 'string' ? { readDatabase: on } : { readDatabase: on.postgres ? 'postgres' : 'sqlite', reuse: { dataDir: on.dataDir, postgres: on.postgres } }),
      historyChecks,
      reminders: reminders(outbox),
      logging: { level: 'error', format: 'json', destination: { write: (line: string) => void log.push(JSON.parse(line)) } },
      // Each break is said once per instance as a SECURITY error; the tests count the lines.
      expectedErrors: [SECURITY, ...extraErrors],
    });
    return new Instance(app, log);
  }

  get origin(): string {
    return this.app.url.replace(/\/graphql$/, '');
  }

  securityLines(): LogLine[] {
    return this.log.filter((l) => l.level === 'error' && SECURITY.test(l.msg));
  }

  integrity(user = 'adviser') {
    return this.app.as(user).gql(INTEGRITY, { planId: PLAN });
  }

  async metric(name: string): Promise<string | undefined> {
    const text = await (await fetch(`${this.origin}/metrics`)).text();
    return new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
  }
}

/** The seeded plan: action 8.2 (reported on twice, the events tampered with) and 8.3 (the write refused and then made). */
export interface Seeded {
  actionId: string;
  otherActionId: string;
  otherRevision: number;
  first: { position: bigint; data: string };
  second: { position: bigint; data: string };
}

export async function seed(app: App): Promise<Seeded> {
  app.clock.set(SEEDED_AT);
  const users: Parameters<App['addUser']>[0][] = [
    { userId: 'adviser', roles: ['DFE_ADVISER'], areas: [TEST_AREA], email: ADVISER_MAIL },
    { userId: 'office', displayName: 'Priya Shah', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA], email: OFFICE_MAIL },
    { userId: 'member', roles: ['BOARD_MEMBER'], areas: [TEST_AREA] },
    { userId: 'owner', owner: { name: 'Sam Patel', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: [TEST_AREA] },
    { userId: 'admin-elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] },
  ];
  for (const user of users) await app.addUser(user);
  expect((await app.gql(CREATE_PLAN, { input: planInput(PLAN) })).errors).toBeUndefined();
  const other = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '8.3', { title: 'Joint commissioning of speech and language therapy' }) })).data.addAction;
  let action = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '8.2') })).data.addAction;
  for (const [at, rag, commentary] of [
    [FIRST_REPORT_AT, 'AMBER', 'Deficit recovery plan drafted.'],
    [SECOND_REPORT_AT, 'RED', 'Forecast gap widened to £71m.'],
  ]) {
    app.clock.set(at);
    const res = await app.gql(REPORT, { input: { actionId: action.id, expectedRevision: action.revision, rag, commentary, asOfDate: at.slice(0, 10) } });
    expect(res.errors).toBeUndefined();
    action = res.data.reportProgress;
  }
  app.clock.set(NOW);
  await app.app.get(ProjectionService).caughtUpToHead();
  const reports = (await app.allEvents()).filter((e) => e.streamId === `action-${action.id}` && e.type === 'ProgressReported');
  const db = new Database(join(app.dataDir, 'events.sqlite'), { readonly: true });
  const rawData = (position: bigint) => db.prepare<[string], string>('SELECT data FROM events WHERE position = ?').pluck().get(String(position))!;
  const [first, second] = reports.map((e) => ({ position: e.position, data: rawData(e.position) }));
  db.close();
  return { actionId: action.id, otherActionId: other.id, otherRevision: other.revision, first, second };
}

/** As someone with access to the files would do it: straight SQL, the append-only triggers dropped first. */
export function tamper(dataDir: string, sql: string, ...params: unknown[]): void {
  const db = new Database(join(dataDir, 'events.sqlite'));
  db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
  db.prepare(sql).run(...params);
  db.close();
}

function tamperMany(dataDir: string, sql: string): void {
  const db = new Database(join(dataDir, 'events.sqlite'));
  db.exec('DROP TRIGGER IF EXISTS events_are_append_only_update; DROP TRIGGER IF EXISTS events_are_append_only_delete;');
  db.exec(sql);
  db.close();
}

export interface Tampering {
  name: string;
  apply(dataDir: string, seeded: Seeded): void;
  restore(dataDir: string, seeded: Seeded): void;
  expected(seeded: Seeded): { kind: string; position: bigint };
}

const swap = (a: bigint, b: bigint) =>
  `UPDATE events SET position = -1 WHERE position = ${a}; UPDATE events SET position = ${a} WHERE position = ${b}; UPDATE events SET position = ${b} WHERE position = -1;`;

export const TAMPERINGS: Tampering[] = [
  {
    name: "an edit to one event's data",
    apply: (dir, s) => tamper(dir, "UPDATE events SET data = json_set(data, '$.rag', 'GREEN', '$.commentary', 'All on track.') WHERE position = ?", String(s.second.position)),
    restore: (dir, s) => tamper(dir, 'UPDATE events SET data = ? WHERE position = ?', s.second.data, String(s.second.position)),
    expected: (s) => ({ kind: 'EDITED', position: s.second.position }),
  },
  {
    name: 'an event deleted from the middle',
    apply: (dir, s) => tamperMany(dir, `CREATE TABLE saved AS SELECT * FROM events WHERE position = ${s.first.position}; DELETE FROM events WHERE position = ${s.first.position};`),
    restore: (dir) => tamperMany(dir, 'INSERT INTO events SELECT * FROM saved; DROP TABLE saved;'),
    // The stream goes on at the second report without the first.
    expected: (s) => ({ kind: 'MISSING', position: s.second.position }),
  },
  {
    name: 'two events reordered',
    apply: (dir, s) => tamperMany(dir, swap(s.first.position, s.second.position)),
    restore: (dir, s) => tamperMany(dir, swap(s.first.position, s.second.position)),
    expected: (s) => ({ kind: 'REORDERED', position: s.first.position }),
  },
];

export async function verifyCli(dataDir: string, head: { position: string; hash: string }): Promise<{ code: number; stdout: string }> {
  const { code, output } = await runCli('verify-history', ['--head', `${head.position}:${head.hash}`], { DATA_DIR: dataDir });
  return { code, stdout: output };
}

/** Deletes the newest `count` events, as a truncation of the file would. */
export const truncate = (dataDir: string, count: number) => tamperMany(dataDir, `DELETE FROM events WHERE position IN (SELECT position FROM events ORDER BY position DESC LIMIT ${count});`);
