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
// Starting a real app (and loading the demo plan) takes 1–2 s alone and far longer beside a full
// run on two cores; Jest's 5 s default then fails a hook that is merely slow. Tests that measure
// time compare CPU or order, never this limit.
const startsRealThings = { testTimeout: 30_000 };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'] },
    {
      ...common,
      ...startsRealThings,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      ...startsRealThings,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/fail-on-unexpected-errors.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
