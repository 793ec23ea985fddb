import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Plain JavaScript, so `npm start` can run it before anything is compiled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fingerprint, upToDate, OUTPUTS } = require('./build.js') as {
  fingerprint(root: string): { files: number; value: string };
  upToDate(root: string): boolean;
  OUTPUTS: string[];
};

describe('scripts/build.js: npm start and the CLI skip a build of unchanged sources', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const markBuilt = () => {
    for (const output of OUTPUTS) write(join('dist', output), '//');
    write('dist/.build-fingerprint', `${fingerprint(root).value}\n`);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'send-build-'));
    write('apps/api/src/main.ts', 'export {};');
    write('apps/dashboard/src/app.tsx', 'export {};');
    write('libs/domain/src/index.ts', 'export const a = 1;');
    write('tsconfig.json', '{}');
    write('package-lock.json', '{"lockfileVersion":3}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is up to date after a build of these sources, even when a checkout has touched every file', () => {
    markBuilt();
    expect(upToDate(root)).toBe(true);
    utimesSync(join(root, 'libs/domain/src/index.ts'), new Date(), new Date(Date.now() + 60_000));
    expect(upToDate(root)).toBe(true);
  });

  it.each([
    ['a source file changes', () => write('libs/domain/src/index.ts', 'export const a = 2;')],
    ['a source file is added', () => write('apps/api/src/new-thing.ts', 'export {};')],
    ['a dashboard component changes', () => write('apps/dashboard/src/app.tsx', 'export const b = 1;')],
    ['a dependency version changes', () => write('package-lock.json', '{"lockfileVersion":3,"x":1}')],
    ['the compiler settings change', () => write('tsconfig.json', '{"compilerOptions":{}}')],
  ])('builds again when %s', (_case, change) => {
    markBuilt();
    change();
    expect(upToDate(root)).toBe(false);
  });

  it('builds again when an output the app needs is missing, whatever the fingerprint says', () => {
    markBuilt();
    rmSync(join(root, 'dist/dashboard/dashboard.js'));
    expect(upToDate(root)).toBe(false);
  });

  it('ignores installed packages inside the source folders', () => {
    markBuilt();
    write('apps/api/node_modules/x/index.ts', 'export {};');
    expect(upToDate(root)).toBe(true);
  });

  it('is not up to date before the first build', () => {
    expect(upToDate(root)).toBe(false);
  });
});
