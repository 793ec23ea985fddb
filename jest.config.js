// One Jest project per kind of test: unit specs beside the code, integration specs on real
// SQLite and PostgreSQL, and end-to-end specs over HTTP against the real app.
// Transpile only: `npm run typecheck` (and the build) type-check; tests stay fast on two cores.
// NestJS 12 and its GraphQL packages are ES modules only. Jest 30 loads them from these CommonJS
// tests through require(esm), which needs Node's vm modules: the npm scripts start Jest with
// `node --experimental-vm-modules` (a bare `npx jest` fails with "Must use import to load ES Module").
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
const moduleNameMapper = {
  '^@send/domain$': '<rootDir>/libs/domain/src',
  '^@send/event-store$': '<rootDir>/libs/event-store/src',
  '^@send/read-models$': '<rootDir>/libs/read-models/src',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };
// The int and e2e projects allow 30 s a test or hook (test/support/starts-real-things.ts says why,
// and why it is not `testTimeout` here).
const startsRealThings = '<rootDir>/test/support/starts-real-things.ts';

module.exports = {
  // Each test file gets a fresh module registry, but a worker keeps what the ES-module loader and
  // the apps' native handles leave behind; over ~200 files one worker grew past Node's 4 GB heap
  // and the run died. A worker that holds more than this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: '1536MB',
  // Jest's default leaves one core free, which on the two-core machines here means one worker: a
  // run of ~220 files took 22 minutes. Most e2e time is spent waiting on SQLite, PostgreSQL and
  // Chromium, so a worker per core roughly halves it (measured in docs/testing.md).
  maxWorkers: '100%',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: [startsRealThings],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: [startsRealThings, '<rootDir>/test/support/fail-on-unexpected-errors.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
