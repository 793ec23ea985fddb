import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { STREAM_NAME_PREFIXES } from '@send/domain';

// The boundaries docs/architecture.md describes, checked on every `npm test`. dependency-cruiser
// is an ES module only, so it runs as its own process rather than inside Jest.
const root = join(__dirname, '..');
const CRUISER = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const FOLDERS = ['apps', 'libs', 'test', 'scripts', 'bench'];
const SKIPPED = new Set(['node_modules', 'dist', 'peers']);

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Every rule broken in `folders` under `cwd`, as "rule: from → to" (a package by its own path). */
function violations(cwd: string, config: string, folders: string[]): string[] {
  const output = execFileSync(process.execPath, [CRUISER, '--config', join(root, config), '--output-type', 'json', ...folders], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(output) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\//, '')}`);
}

const breaksOf = (cwd: string, folders: string[]) => [
  ...violations(cwd, '.dependency-cruiser.cjs', folders),
  ...violations(cwd, '.dependency-cruiser-folders.cjs', folders),
  ...violations(cwd, '.dependency-cruiser-app-folders.cjs', folders),
];

function sources(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) sources(join(dir, entry.name), found);
    } else if (/\.(ts|tsx|js)$/.test(entry.name)) found.push(relative(root, join(dir, entry.name)));
  }
  return found;
}

/**
 * A file's role suffix is everything between its name and its extension (`.input` in
 * `add-action.input.ts`). Two suffixes are one spelling apart when they match once plurals,
 * dots and hyphens are set aside: `.input`/`.inputs`, `.error`/`.errors`,
 * `.http-controller`/`.http.controller`.
 */
function suffixesSpelledTwoWays(paths: string[]): string[][] {
  const spellings = new Map<string, Set<string>>();
  for (const path of paths) {
    const name = path.split('/').pop()!.replace(/\.(ts|tsx|js)$/, '');
    const dot = name.indexOf('.');
    if (dot < 0) continue;
    const suffix = name.slice(dot);
    const key = suffix
      .split('.')
      .map((part) => part.replace(/-/g, '').replace(/ies$/, 'y').replace(/s$/, ''))
      .join('');
    spellings.set(key, (spellings.get(key) ?? new Set()).add(suffix));
  }
  return [...spellings.values()].filter((s) => s.size > 1).map((s) => [...s].sort());
}

/**
 * Lines that tell a stream's concept from its name by hand (`startsWith('action-')`, `/^(plan|action)-/`)
 * instead of asking the domain (`streamConcept`, `isStreamOf`), which builds names and answers from one table.
 */
function streamNamesMatchedByHand(text: string): string[] {
  const prefixes = STREAM_NAME_PREFIXES.map((p) => p.slice(0, -1).replace(/-/g, '\\-')).join('|');
  const byHand = new RegExp(`startsWith\\(\\s*['"\`](${prefixes})-|/\\^\\(?(?:[\\w|-]*\\|)?(${prefixes})[-|)]`);
  return text.split('\n').filter((line) => byHand.test(line)).map((line) => line.trim());
}

describe('architecture: the boundaries the build checks', () => {
  it('are all kept by the code as it stands', () => {
    expect(breaksOf(root, FOLDERS)).toEqual([]);
  });

  describe('fail on a deliberate break of each rule', () => {
    let scratch: string;
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };

    beforeAll(() => {
      scratch = mkdtempSync(join(tmpdir(), 'send-architecture-'));
      // Packages resolve as they do in the repository, so an import of one is judged the same way.
      symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
      write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: './', paths: { '@send/domain': ['libs/domain/src'] } } }));
      write('libs/domain/src/index.ts', "export * from './plan';\nexport * from './hash';\n");
      write('libs/domain/src/hash.ts', "import { createHash } from 'node:crypto';\nexport const hash = createHash;\n");
      write('libs/domain/src/plan.ts', "import { Injectable } from '@nestjs/common';\nexport const plan = Injectable;\n");
      write('libs/event-store/src/index.ts', "import { row } from '../../read-models/src/index';\nimport { sample } from './sample.fixture';\nexport const store = [row, sample];\n");
      write('libs/event-store/src/sample.fixture.ts', 'export const sample = 1;\n');
      write('libs/read-models/src/index.ts', "import { plan } from '../../domain/src/plan';\nexport const row = plan;\n");
      // Reaches the app only through a test helper: still a lib that cannot be tested without the app.
      write('libs/read-models/src/row.int-spec.ts', "import { helper } from '../../../test/support/helper';\nexport const used = helper;\n");
      write('test/support/helper.ts', "import { clock } from '../../apps/api/src/clock';\nimport { row } from '../../libs/read-models/src/index';\nimport { sample } from '../../libs/event-store/src/sample.fixture';\nimport { plan } from '../../libs/domain/src/plan';\nexport const helper = [clock, row, sample, plan];\n");
      write('apps/api/src/clock.ts', "import { plan } from '../../../libs/domain/src/plan';\nexport const clock = plan;\n");
      write('apps/api/src/left.ts', "import { right } from './right';\nexport const left = () => right;\n");
      write('apps/api/src/right.ts', "import { left } from './left';\nexport const right = () => left;\n");
      write('apps/api/src/plans/plans.resolver.ts', "import { DataSource } from 'typeorm';\nexport const plans = DataSource;\n");
      write('libs/read-models/src/actions/action.ts', "import { runner } from '../projection/runner';\nexport const action = runner;\n");
      write('libs/read-models/src/projection/runner.ts', "import { all } from '../actions/all';\nexport const runner = all;\n");
      write('libs/read-models/src/actions/all.ts', 'export const all = [];\n');
      // A resolver's folder and the read service it uses, each importing the other.
      write('apps/api/src/goals/goals.resolver.ts', "import { readGoals } from '../goal-reading/goal-read.service';\nexport const resolveGoals = () => readGoals();\n");
      write('apps/api/src/goal-reading/goal-read.service.ts', "import { goalLimit } from '../goals/goal-limit';\nexport const readGoals = () => goalLimit;\n");
      write('apps/api/src/goals/goal-limit.ts', 'export const goalLimit = 20;\n');
      // A model naming the type of the reader that answers it: erased at build, so no folder cycle.
      write('apps/api/src/targets/target.model.ts', "import type { TargetReader } from '../target-reading/target-reader';\nexport class TargetModel { reader?: TargetReader; }\n");
      write('apps/api/src/target-reading/target-reader.ts', "import { TargetModel } from '../targets/target.model';\nexport class TargetReader { read = () => new TargetModel(); }\n");
    });
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('names each break', () => {
      const found = breaksOf(scratch, ['apps', 'libs', 'test']);
      expect(found).toEqual(
        expect.arrayContaining([
          'domain-is-pure: libs/domain/src/plan.ts → @nestjs/common/index.js',
          'domain-is-pure: libs/domain/src/hash.ts → crypto',
          'libs-never-reach-apps: libs/read-models/src/row.int-spec.ts → apps/api/src/clock.ts',
          'production-ships-no-test-code: libs/event-store/src/index.ts → libs/event-store/src/sample.fixture.ts',
          'event-store-knows-no-read-models: libs/event-store/src/index.ts → libs/read-models/src/index.ts',
          'apps-use-lib-index: apps/api/src/clock.ts → libs/domain/src/plan.ts',
          'libs-use-lib-index: libs/read-models/src/index.ts → libs/domain/src/plan.ts',
          'tests-use-lib-index: test/support/helper.ts → libs/domain/src/plan.ts',
          'no-module-cycles: apps/api/src/left.ts → apps/api/src/right.ts',
          'plan-resolvers-read-through-readers: apps/api/src/plans/plans.resolver.ts → typeorm/index.js',
          'no-folder-cycles-in-libs: libs/read-models/src/actions → libs/read-models/src/projection',
          'no-folder-cycles-in-apps: apps/api/src/goals → apps/api/src/goal-reading',
        ]),
      );
      expect(found.filter((line) => line.includes('target'))).toEqual([]);
    });
  });

  describe('one spelling per file-name suffix', () => {
    it('holds across the code', () => {
      expect(suffixesSpelledTwoWays(FOLDERS.flatMap((folder) => sources(join(root, folder))))).toEqual([]);
    });

    it('catches a second spelling', () => {
      const paths = ['a/add-action.input.ts', 'b/meeting.inputs.ts', 'c/x.http-controller.ts', 'd/y.http.controller.ts', 'e/z.spec.ts', 'f/plan.decider.spec.ts'];
      expect(suffixesSpelledTwoWays(paths)).toEqual([
        ['.input', '.inputs'],
        ['.http-controller', '.http.controller'],
      ]);
    });
  });

  describe('stream names are told apart by the domain, not by string prefix', () => {
    it('holds across apps and libs', () => {
      const matched = ['apps', 'libs']
        .flatMap((folder) => sources(join(root, folder)))
        .filter((path) => path !== 'libs/domain/src/streams.ts')
        .flatMap((path) => streamNamesMatchedByHand(readFileSync(join(root, path), 'utf8')).map((line) => `${path}: ${line}`));
      expect(matched).toEqual([]);
    });

    it('catches a match by hand', () => {
      const lines = [
        "if (streamId.startsWith('action-')) return;",
        'e.streamId.startsWith(`follow-up-`)',
        'events.filter((e) => /^(plan|action|meeting)-/.test(e.streamId))',
        'const isMetric = /^metric-/.test(id);',
        "path.startsWith('/assets/')",
        "const anchor = `action-${ref}`;",
      ];
      expect(streamNamesMatchedByHand(lines.join('\n'))).toEqual(lines.slice(0, 4));
    });
  });

  it('GraphQL enums are not declared as TypeScript enums: they are built from the lists the domain and read models export', () => {
    const declared = sources(join(root, 'apps'))
      .concat(sources(join(root, 'libs')))
      .filter((path) => /^\s*(export\s+)?(const\s+)?enum\s+\w+/m.test(readFileSync(join(root, path), 'utf8')));
    expect(declared).toEqual([]);
  });
});
