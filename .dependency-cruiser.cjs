// The boundaries `scripts/architecture.spec.ts` holds the code to (docs/architecture.md says why).
// Paths are relative to the repository root; the spec cruises apps, libs, test, scripts and bench.
const TESTS = '\\.(spec|int-spec|e2e-spec|fixture|contract)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain is plain functions over data: no framework, driver, other lib or app, and no node built-in either (the dashboard bundles it for the browser).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'libs-never-reach-apps',
      comment: 'A lib, its tests and fixtures included, must build and test without any app, directly or through a helper.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/', reachable: true },
    },
    {
      name: 'production-ships-no-test-code',
      comment: 'Production code in an app or lib must not load test support or fixtures.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: TESTS },
      to: { path: ['^test/', TESTS] },
    },
    {
      name: 'event-store-knows-no-read-models',
      comment: 'Layers: domain, then event-store, then read-models; none looks outwards.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/read-models/' },
    },
    {
      name: 'apps-use-lib-index',
      comment: 'Apps import a lib by its name (@send/domain, …), which is its src/index.ts: nothing behind it.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'tests-use-lib-index',
      comment: 'End-to-end tests and benchmarks use a lib as the app does; its fixtures are the one way in besides the index.',
      severity: 'error',
      from: { path: '^(test|bench)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$', TESTS] },
    },
    {
      name: 'libs-use-lib-index',
      comment: 'One lib reaches another by its name too.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/$1/'] },
    },
    {
      name: 'plan-resolvers-read-through-readers',
      comment: 'A resolver reads plans, actions, owners and the scorecard through the PlanReader its request picked (apps/api/src/reading), never the read database: live and as-at answers then come through one interface. Users and reminders are not plan reads and still query their rows.',
      severity: 'error',
      from: { path: '^apps/api/src/[^/]+/.+\\.resolver\\.ts$', pathNot: ['^apps/api/src/(users|reminders)/', TESTS] },
      to: { path: '(^|/)node_modules/typeorm/' },
    },
    {
      name: 'no-module-cycles',
      comment: 'A runtime import cycle makes load order matter; a type-only back-reference does not.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    // Packages are not cruised into, but imports of them stay in the graph: excluding
    // node_modules would hide an import of @nestjs/common from the domain rule.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|^bench/peers/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
