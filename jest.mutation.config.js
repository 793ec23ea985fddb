// The tests StrykerJS runs against each mutant (npm run test:mutation): the unit and integration
// specs of the libraries it mutates. No api, no browser, no PostgreSQL: a mutant of the domain or
// of the SQLite store is caught here or not at all, and each run stays a few seconds.
const base = require('./jest.config.js').projects[0];

module.exports = {
  ...base,
  displayName: 'mutation',
  // The event store's contract suite (contract/*.contract.ts) has no spec of its own: the SQLite
  // adapter's int spec runs it, so matching that spec is what runs the contract against a mutant.
  testMatch: ['<rootDir>/libs/{domain,event-store}/**/*.spec.ts', '<rootDir>/libs/event-store/src/sqlite/**/*.int-spec.ts'],
  // The int specs open real SQLite files; the int project's 30 s a test, so a slow machine fails no test (and kills no mutant) by Jest's 5 s default.
  setupFilesAfterEnv: ['<rootDir>/test/support/starts-real-things.ts'],
};
