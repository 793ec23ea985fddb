import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER } from '../apps/api/src/config/app-config';
import { anchorsOf, fencedBlocks, graphqlOperations, manualFiles, npmScriptsNamed, relativeLinks, REPO_ROOT, RunnableOperation, shortName, valueAt } from './support/doc-examples';
import { startTestApp, TestApp } from './support/test-app';

// `npm run token` builds first when the sources changed (10–15 s, more beside other work).
jest.setTimeout(180_000);

const allOperations = (): RunnableOperation[] =>
  manualFiles().flatMap((file) => fencedBlocks(file).filter((b) => b.language === 'graphql').flatMap(graphqlOperations));

/**
 * Every ```graphql block in the README and docs/ runs as written, in reading order, against the
 * demo plan: on the day it is loaded, and on a demo loaded years later, so an example that only
 * holds on some dates fails here rather than in a newcomer's GraphiQL.
 */
describe.each([
  ['loaded on 7 December 2026', '2026-12-07T10:00:00.000Z'],
  ['loaded on 12 March 2031', '2031-03-12T10:00:00.000Z'],
])('The manual’s GraphQL examples, on a demo plan %s', (_when, now) => {
  let app: TestApp;
  const operations = allOperations();
  const kept: Record<string, unknown> = { today: now.slice(0, 10) };

  beforeAll(async () => {
    app = await startTestApp({ loadDemoPlan: true, now, areas: ['demo-area'] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds the examples (the README’s and the GraphQL guide’s)', () => {
    const files = new Set(operations.map((op) => op.where.split(':')[0]));
    expect([...files]).toEqual(expect.arrayContaining(['README.md', join('docs', 'graphql-guide.md')]));
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((op) => [op.where, op] as const))('%s runs without errors', async (_where, op) => {
    const missing = op.variables.filter((name) => !(name in kept));
    expect({ where: op.where, missingVariables: missing }).toEqual({ where: op.where, missingVariables: [] });
    const variables = Object.fromEntries(op.variables.map((name) => [name, kept[name]]));
    const answer = await app.as(op.user).gql(op.source, variables);
    expect({ where: op.where, as: op.user, errors: answer.errors }).toEqual({ where: op.where, as: op.user, errors: undefined });
    for (const keep of op.keeps) {
      if (!answer.data || !(keep.path[0] in answer.data)) continue;
      const value = valueAt(answer.data, keep.path);
      expect({ where: op.where, keep: keep.name, value }).toEqual({ where: op.where, keep: keep.name, value: expect.anything() });
      kept[keep.name] = value;
    }
  });

  // The README's role table: the DfE adviser reads everything in the area, the reminder mails included.
  it('every example query also answers the DfE adviser', async () => {
    const refused: Record<string, unknown> = {};
    for (const op of operations.filter((o) => !o.source.startsWith('mutation'))) {
      const answer = await app.as('dfe-adviser').gql(op.source, Object.fromEntries(op.variables.map((name) => [name, kept[name]])));
      if (answer.errors) refused[op.where] = answer.errors.map((e) => `${String((e as { path?: unknown }).path)}: ${String(e.extensions?.code)}`);
    }
    expect(operations.some((o) => /^\{\s*reminders\(/.test(o.source))).toBe(true);
    expect(refused).toEqual({});
  });
});

describe('The manual’s links, table of contents and commands', () => {
  it.each(manualFiles().map((file) => [shortName(file), file]))('every relative link in %s leads to a file and heading that exist', (_name, file) => {
    const broken = relativeLinks(file).filter((link) => {
      const [path, anchor] = link.split('#');
      const target = path === '' ? file : join(dirname(file), decodeURIComponent(path));
      if (!existsSync(target)) return true;
      return anchor !== undefined && target.endsWith('.md') && !anchorsOf(target).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('docs/README.md lists every document in docs/', () => {
    const index = join(REPO_ROOT, 'docs', 'README.md');
    const listed = new Set(relativeLinks(index).map((link) => join(REPO_ROOT, 'docs', link.split('#')[0])));
    const unlisted = manualFiles()
      .filter((file) => file.startsWith(join(REPO_ROOT, 'docs')) && file !== index && !listed.has(file))
      .map((file) => relative(REPO_ROOT, file));
    expect(unlisted).toEqual([]);
  });

  const scripts = Object.keys((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

  it.each(manualFiles().map((file) => [shortName(file), file]))('every npm script %s names exists in package.json', (_name, file) => {
    const named = npmScriptsNamed(readFileSync(file, 'utf8'));
    expect(named.filter((script) => !scripts.includes(script))).toEqual([]);
  });

  it('the README keeps the two commands a newcomer starts with', () => {
    const blocks = fencedBlocks(join(REPO_ROOT, 'README.md')).filter((b) => b.language === 'bash');
    const lines = blocks.flatMap((b) => b.body.split('\n')).map((line) => line.replace(/\s+#.*$/, '').trim());
    expect(lines).toEqual(expect.arrayContaining(['npm ci && npm start', 'npm test']));
  });
});

/** Bash blocks that mint a token and use it with curl, complete as written (no `<…>` or unset `$VARIABLE` to fill in). */
const tokenAndCurlBlocks = () =>
  manualFiles()
    .flatMap((file) => fencedBlocks(file))
    .filter((b) => b.language === 'bash' && /^TOKEN=\$\(npm run -s token/m.test(b.body) && /^curl /m.test(b.body))
    .filter((b) => {
      const assigned = new Set([...b.body.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
      const unset = [...b.body.matchAll(/\$([A-Z_]+)/g)].filter((m) => !assigned.has(m[1]));
      return !/<[\w ]+>/.test(b.body) && unset.length === 0;
    });

/**
 * The command-line examples that work on a data directory and write nothing outside it. The rest
 * (npm start, backup to /backups, the benchmark, the suites) are only checked to exist above.
 */
const RUNNABLE_SCRIPTS = ['token', 'grant', 'verify', 'reminders', 'import'];
const cliLines = () =>
  manualFiles()
    .flatMap((file) => fencedBlocks(file).filter((b) => b.language === 'bash'))
    .flatMap((b) =>
      b.body
        .replace(/\\\n\s*/g, ' ')
        .split('\n')
        .map((line) => ({ where: `${shortName(b.file)}:${b.line}`, line: line.replace(/\s+#\s.*$/, '').trim() })),
    )
    .filter(({ line }) => RUNNABLE_SCRIPTS.some((script) => line.startsWith(`npm run ${script} `) || line === `npm run ${script}`))
    .filter(({ line }) => !/<[^>]*>/.test(line));

/**
 * The shell examples, run as a person would: the token command's output is the token alone (the
 * build and the sign-in link go elsewhere), and each curl with it gets a 2xx answer.
 */
describe('The manual’s token and curl examples', () => {
  let app: TestApp & { dataDir: string };
  let outputDir: string;
  beforeAll(async () => {
    // The api's own defaults for the local signing key, so the CLI's token is one the api accepts.
    const dataDir = mkdtempSync(join(tmpdir(), 'send-readme-'));
    outputDir = mkdtempSync(join(tmpdir(), 'send-readme-downloads-'));
    const auth = { mode: 'local' as const, keyFile: join(dataDir, 'auth', 'local-signing-key.json'), issuer: LOCAL_ISSUER, audience: DEFAULT_AUDIENCE };
    app = await startTestApp({ loadDemoPlan: true, now: '2026-12-07T10:00:00.000Z', areas: ['demo-area'], reuse: { dataDir }, auth });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(outputDir, { recursive: true, force: true });
  });

  it('TOKEN=$(npm run -s token -- --user dfe-adviser 2>/dev/null), as the README shows it, captures exactly a JWT for that user', async () => {
    const readme = tokenAndCurlBlocks().find((b) => shortName(b.file) === 'README.md');
    const line = readme?.body.split('\n').find((l) => l.startsWith('TOKEN=$('));
    expect(line).toBe('TOKEN=$(npm run -s token -- --user dfe-adviser 2>/dev/null)');
    const { stdout } = await promisify(execFile)('bash', ['-c', `${line}\nprintf '%s' "$TOKEN"`], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: app.dataDir },
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(stdout.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'dfe-adviser', iss: LOCAL_ISSUER, aud: DEFAULT_AUDIENCE });
  });

  it('finds the README’s, the GraphQL guide’s, the import’s, the report’s and the evidence upload’s', () => {
    expect(tokenAndCurlBlocks().map((b) => shortName(b.file))).toEqual(
      expect.arrayContaining(['README.md', join('docs', 'graphql-guide.md'), join('docs', 'plan-import.md'), join('docs', 'commands.md'), join('docs', 'evidence-files.md')]),
    );
  });

  it.each(tokenAndCurlBlocks().map((b) => [`${shortName(b.file)}:${b.line}`, b] as const))('%s: every curl answers 2xx with the token', async (_where, block) => {
    const port = new URL(app.url).port;
    // Only the token and curl lines: other commands in the block (npm run report, …) write files.
    const lines = block.body
      .replace(/\\\n/g, ' ')
      .split('\n')
      .filter((l) => /^([A-Z_]+=|curl )/.test(l))
      .map((l) => l.replace(/\s+#\s.*$/, '').replaceAll('localhost:3000', `127.0.0.1:${port}`))
      .map((l) => (l.startsWith('curl ') ? `${l} --output-dir '${outputDir}' -w '\\n@@ %{http_code}\\n'` : l));
    const { stdout } = await promisify(execFile)('bash', ['-c', ['set -e', ...lines].join('\n')], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: app.dataDir },
    });
    const statuses = [...stdout.matchAll(/^@@ (\d{3})$/gm)].map((m) => Number(m[1]));
    expect(statuses.length).toBe(lines.filter((l) => l.startsWith('curl ')).length);
    expect({ statuses, stdout: statuses.every((s) => s >= 200 && s < 300) ? 'ok' : stdout }).toEqual({ statuses: statuses.map(() => expect.any(Number)), stdout: 'ok' });
    for (const answer of stdout.split('\n').filter((l) => l.startsWith('{"data"') || l.startsWith('{"errors"'))) {
      expect(JSON.parse(answer)).not.toHaveProperty('errors');
    }
  });

  it.each(cliLines().map(({ where, line }) => [`${where}: ${line}`, line] as const))('%s exits 0', async (_title, line) => {
    const run = promisify(execFile)('bash', ['-c', line], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: app.dataDir } });
    await expect(run).resolves.toBeDefined();
  });

  it('finds the token, grant, verify, reminders and import examples', () => {
    const scripts = new Set(cliLines().map(({ line }) => line.split(' ')[2]));
    expect([...scripts].sort()).toEqual([...RUNNABLE_SCRIPTS].sort());
  });
});
