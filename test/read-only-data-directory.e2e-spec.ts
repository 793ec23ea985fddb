import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../apps/api/src/evidence-files/sample-files.fixture';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { eventually } from './support/projector-instances';
import { startTestApp, TestApp } from './support/test-app';

const REPORT = `mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { revision rag } }`;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * The data folder turns read-only under a running api, as a disk does when the kernel remounts it
 * after an error. The tests run as root, to whom file modes mean nothing, so the files are made
 * immutable (chattr +i): a write through a file already open then fails with EPERM, as it would
 * with EROFS. The `-shm` index files are left alone: SQLite writes them through a memory mapping,
 * where a refused write is a SIGBUS that kills the process, not an error code it could report.
 */
function setImmutable(paths: string[], on: boolean): void {
  for (const path of paths) execFileSync('chattr', [on ? '+i' : '-i', path]);
}

function everythingUnder(dir: string): string[] {
  const inside = readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return everythingUnder(path);
    return name.endsWith('-shm') ? [] : [path];
  });
  return [...inside, dir];
}

/** The read database as another process sees it: only what was really committed to the file. */
function committedReadModels(file: string): { checkpoint: number; rag: string | undefined } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const { position } = db.prepare('SELECT MIN(position) AS position FROM projection_checkpoints').get() as { position: number };
    const action = db.prepare('SELECT rag FROM actions ORDER BY revision DESC LIMIT 1').get() as { rag: string } | undefined;
    return { checkpoint: Number(position), rag: action?.rag };
  } finally {
    db.close();
  }
}

/** chattr +i needs root (CAP_LINUX_IMMUTABLE) and a file system that has the flag (ext4, xfs, btrfs). */
const supported = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'immutable-probe-'));
  try {
    setImmutable([dir], true);
    setImmutable([dir], false);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
if (!supported) console.warn('Read-only data folder e2e runs SKIPPED: chattr +i needs root and a file system with the immutable flag.');

(supported ? describe : describe.skip)('When the data folder turns read-only under a running api', () => {
  let app: TestApp & { dataDir: string };
  let origin: string;
  let action: { id: string; revision: number };
  let frozen: string[] = [];
  let rag = 'RED';

  beforeAll(async () => {
    app = await startTestApp();
    origin = new URL(app.url).origin;
    await app.gql(CREATE_PLAN, { input: planInput('read-only') });
    action = (await app.gql(ADD_ACTION, { input: actionInput('read-only', '1.1', { areaNumber: 1 }) })).data.addAction;
  });

  afterEach(() => thaw());

  afterAll(async () => {
    await app?.close();
  });

  const freeze = (paths: string[]) => {
    setImmutable(paths, true);
    frozen = paths;
  };
  const thaw = () => {
    setImmutable(frozen, false);
    frozen = [];
  };
  const readModelsFile = () => join(app.dataDir, 'read-models.sqlite');

  function report() {
    rag = rag === 'RED' ? 'AMBER' : 'RED';
    return app.gql(REPORT, { input: { actionId: action.id, expectedRevision: action.revision, rag, asAt: '2026-06-01', commentary: `Reported as ${rag}` } });
  }

  async function upload(bytes: Buffer, name: string) {
    const form = new FormData();
    const fields = { kind: 'ACTIVITY', title: `Evidence: ${name}`, submittedBy: 'Alex Morgan', expectedRevision: String(action.revision) };
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([Uint8Array.from(bytes)], { type: 'application/pdf' }), name);
    const response = await fetch(`${origin}/actions/${action.id}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await app.token('tester')}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** What the client is told names the cause in plain words: no path, no code of the file system, no stack. */
  function expectPlainCause(message: string) {
    expect(message).not.toContain(app.dataDir);
    expect(message).not.toMatch(/\/|\\|SQLITE_|EPERM|EACCES|EROFS|ENOSPC|\bat /);
  }

  it('refuses writes and uploads with SERVICE_UNAVAILABLE naming the cause, changes nothing, and takes both again once writable, without a restart', async () => {
    const before = (await app.allEvents()).length;
    freeze(everythingUnder(app.dataDir));

    const pdf = samplePdf('Written while the disk was read-only');
    const upload503 = await upload(pdf, 'read-only.pdf');
    expect(upload503.status).toBe(503);
    expect(upload503.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(upload503.body.errors[0].extensions.reason).toBe('NOT_PERMITTED');
    expect(upload503.body.errors[0].message).toBe(
      'The file could not be stored: the server may not write to its data folder. Nothing was attached; try again once it is fixed.',
    );
    expect(Object.keys(upload503.body.errors[0].extensions)).toEqual(['code', 'reason']);

    const refused = await report();
    expect(refused.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.errors![0].message).toMatch(/^The plan store cannot be written: the server's disk refused a write .*nothing was changed/);
    expectPlainCause(refused.errors![0].message);
    expect(await app.allEvents()).toHaveLength(before);

    thaw();
    const written = await report();
    expect(written.errors).toBeUndefined();
    action.revision = written.data.reportProgress.revision;
    const uploaded = await upload(pdf, 'read-only.pdf');
    expect(uploaded.status).toBe(201);
    action.revision += 1;
    const download = await fetch(`${origin}${uploaded.body.file.downloadUrl}`, { headers: { authorization: `Bearer ${await app.token('tester')}` } });
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(pdf));
    expect(await app.allEvents()).toHaveLength(before + 2);
    // And the read database really has them, not only this process's view of it.
    expect(committedReadModels(readModelsFile()).checkpoint).toBe(Number((await app.allEvents()).at(-1)!.position));
  }, 60_000);

  it('refuses an upload the evidence store cannot keep with 503, leaving no event and no file behind, and keeps it once writable', async () => {
    const evidenceDir = join(app.dataDir, 'evidence-files');
    const files = () => everythingUnder(evidenceDir).filter((path) => statSync(path).isFile()).sort();
    // The upload is received, then the content-addressed store's own folder refuses it.
    mkdirSync(join(evidenceDir, 'tmp'), { recursive: true });
    const before = { events: (await app.allEvents()).length, files: files() };
    freeze([join(evidenceDir, 'tmp')]);
    const pdf = samplePdf('Kept once the store is writable');
    const refused = await upload(pdf, 'store-read-only.pdf');
    expect(refused.status).toBe(503);
    expect(refused.body.errors[0]).toEqual({
      message: 'The file could not be stored: the server may not write to its data folder. Nothing was attached; try again once it is fixed.',
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'NOT_PERMITTED' },
    });
    expect(await app.allEvents()).toHaveLength(before.events);
    expect(files()).toEqual(before.files);

    thaw();
    const kept = await upload(pdf, 'store-read-only.pdf');
    expect(kept.status).toBe(201);
    action.revision += 1;
    expect(kept.body.file.sha256).toBe(sha256(pdf));
  }, 60_000);

  it('commits the read models again once writable, after projecting failed while the read database was read-only', async () => {
    // The event store took the write just before the folder turned read-only; projecting it fails,
    // and the runner says so each time it retries.
    app.expectErrors(/Projection batch failed; will retry: SqliteError: disk I\/O error/);
    freeze([readModelsFile(), `${readModelsFile()}-wal`]);
    const whileReadOnly = await report();
    action.revision += 1;
    const stuckAt = committedReadModels(readModelsFile()).checkpoint;

    thaw();
    const written = await report();
    expect(written.errors).toBeUndefined();
    action.revision = written.data.reportProgress.revision;
    const head = Number((await app.allEvents()).at(-1)!.position);
    expect(head).toBeGreaterThan(stuckAt);
    // Another process (a backup, a standby, the next start) sees every event projected and committed.
    await eventually('the read database file reaches the head', async () => committedReadModels(readModelsFile()).checkpoint === head, 5_000);
    expect(committedReadModels(readModelsFile()).rag).toBe(rag);
    // While it was read-only the write was kept, and the answer said the read models lag, not "done".
    expect(whileReadOnly.errors![0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', recorded: true });
  }, 60_000);
});
