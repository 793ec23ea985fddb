import 'reflect-metadata';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { addDays, endOfLondonDay } from '@send/domain';
import { SqliteEventStore } from '@send/event-store';
import { createApp } from '../apps/api/src/app.factory';
import { loadOrCreateLocalSigningKey, mintLocalToken } from '../apps/api/src/auth/local-signing-key';
import { PlanCommandService } from '../apps/api/src/commands/plan-command.service';
import { AppConfig, AsAtCacheConfig, DEFAULT_AS_AT_CACHE } from '../apps/api/src/config/app-config';
import { benchAppConfig } from './bench-app-config';
import { ProjectionService } from '../apps/api/src/infrastructure/projection.service';
import { collect } from './history-verification-runs';
import { percentiles, round } from './measure';
import { writePlanHistory } from './plan-history';

/** The overview a board member opens: the plan's roll-up, its areas', and the first page of actions. */
const overview = (planId: string, args: string) =>
  `{ plan(id: "${planId}"${args}) { title rollUp { total red amber green blue overdue stale } areas { number rollUp { total red amber green } } actions(first: 20) { totalCount edges { node { ref rag status overdue stale owner { name } } } } } }`;

/**
 * Resident memory after a collection, split as Linux counts it: anonymous (the heap and what the
 * process allocated) and file-backed (the SQLite files' memory-mapped pages, which the system may
 * drop at any time), with the JavaScript heap in use.
 */
const memory = () => {
  collect();
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  const mb = (bytes: number) => round(bytes / 1024 / 1024, 0);
  return `${mb(process.memoryUsage().rss)} MB (anonymous ${round(kb('RssAnon') / 1024, 0)} MB, file-backed ${round(kb('RssFile') / 1024, 0)} MB; heap in use ${mb(process.memoryUsage().heapUsed)} MB)`;
};

/**
 * `npm run bench:as-at [-- --plans 20 --actions 120 --months 36 --data DIR --snapshots N --cached-views N]`: a national-sized history (plans of
 * actions with monthly updates, quarterly evidence and yearly milestones, written through the command
 * path), then the plan overview over HTTP, live and "as at" (today, and instants across the history),
 * one request at a time, with the resident memory before and after a sweep of every plan.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { plans: { type: 'string', default: '20' }, actions: { type: 'string', default: '120' }, months: { type: 'string', default: '36' }, data: { type: 'string' }, snapshots: { type: 'string' }, 'cached-views': { type: 'string' } } });
  const scale = { plans: Number(values.plans), actionsPerPlan: Number(values.actions), months: Number(values.months) };
  // --data DIR keeps the history (and the read models) for the next run, which reads them instead of writing them again.
  const dir = values.data ?? mkdtempSync(join(tmpdir(), 'send-bench-as-at-'));
  const say = (line: string) => console.log(line);
  try {
    say(`As at: ${scale.plans} plans × ${scale.actionsPerPlan} actions × ${scale.months} months, data in ${dir}`);
    say(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`);
    if (!existsSync(join(dir, 'events.sqlite'))) {
      mkdirSync(dir, { recursive: true });
      const writer = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
      const history = await writePlanHistory(writer, scale, (m, months) => m % 12 === 0 && say(`  month ${m}/${months}`));
      await writer.close();
      say(`  ${history.events} events written in ${round(history.seconds, 1)} s`);
    }
    const planIds = Array.from({ length: scale.plans }, (_, p) => `history-bench-${p + 1}`);
    const sizes = { ...DEFAULT_AS_AT_CACHE, ...(values.snapshots && { snapshots: Number(values.snapshots) }), ...(values['cached-views'] && { views: Number(values['cached-views']) }) };
    say(`As-at cache: ${sizes.snapshots} snapshots, ${sizes.views} views`);
    await measure(dir, planIds, scale.months, sizes, say);
  } finally {
    if (values.data === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(dir: string, planIds: string[], months: number, asAtCache: AsAtCacheConfig, say: (line: string) => void): Promise<void> {
  const defaults = benchAppConfig(dir);
  // The sweep asks for more as-at views than the per-user allowance of expensive reads.
  const config: AppConfig = { ...defaults, limits: { ...defaults.limits, expensiveReads: { ...defaults.limits.expensiveReads, perUser: 1_000_000 } }, asAtCache };
  const app = await createApp(config);
  try {
    await app.init();
    const started = performance.now();
    await app.get(ProjectionService).caughtUpToHead(1_800_000);
    say(`  read models projected in ${round((performance.now() - started) / 1000, 1)} s`);
    const localAreas = planIds.map((_, p) => `bench-area-${p + 1}`);
    await app.get(PlanCommandService).ensureUser({ userId: 'bench-adviser', displayName: 'Bench adviser', ownerId: null }, localAreas.map((localAreaId) => ({ role: 'DFE_ADVISER' as const, localAreaId })), { principal: 'system' });
    await app.get(ProjectionService).caughtUpToHead(60_000);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const token = await mintLocalToken(await loadOrCreateLocalSigningKey(join(dir, 'auth', 'key.json')), { userId: 'bench-adviser', issuer: 'send-bench', audience: 'send-tracker' });
    const ask = async (query: string): Promise<number> => {
      const t = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors) throw new Error(`${body.errors[0].message} in ${query}`);
      return performance.now() - t;
    };
    // Instants across the history: month ends (where snapshots may sit), the middle of a month, and a UK day's end.
    const START = '2023-04-03';
    const instants = [
      ...Array.from({ length: 6 }, (_, k) => `${addDays(START, Math.round(((k + 1) * months * 30) / 7))}T12:34:56.000Z`),
      endOfLondonDay(addDays(START, 30 * Math.floor(months / 2))),
      endOfLondonDay(addDays(START, 31 * Math.floor(months / 3))),
    ];
    const times = async (label: string, queries: string[], rounds: number) => {
      for (const q of queries.slice(0, 3)) await ask(q);
      const samples: number[] = [];
      for (let r = 0; r < rounds; r++) for (const q of queries) samples.push(await ask(q));
      const p = percentiles(samples);
      say(`${label}: p50 ${p.p50} ms, p99 ${p.p99} ms (${p.count} requests, one at a time)`);
      return p;
    };
    say(`RSS with the read models projected, before any as-at read: ${memory()}`);
    const live = await times('Plan overview, live', planIds.map((id) => overview(id, '')), 5);
    const today = await times('Plan overview, as at today (recordedBy today)', planIds.map((id) => overview(id, `, recordedBy: "${new Date().toISOString().slice(0, 10)}"`)), 5);
    say(`RSS after the as-at-today sweep of ${planIds.length} plans: ${memory()}`);
    const past = await times('Plan overview, as at instants across the history', planIds.flatMap((id) => instants.map((at) => overview(id, `, recordedBy: "${at}"`))), 1);
    say(`RSS after as-at reads of every plan at ${instants.length} instants: ${memory()}`);
    const cold = await times('Plan overview, as at instants never asked before (first read)', planIds.map((id, p) => overview(id, `, recordedBy: "${addDays(START, 100 + p * 17)}T08:00:00.000Z"`)), 1);
    say(`Ratios to the live overview p50: as at today ${round(today.p50 / live.p50, 1)}×, across the history ${round(past.p50 / live.p50, 1)}×, first reads ${round(cold.p50 / live.p50, 1)}×`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
