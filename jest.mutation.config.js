// The tests StrykerJS runs against each mutant (npm run test:mutation): the unit and integration
// specs of the libraries it mutates. No api, no browser, no PostgreSQL: a mutant of the domain or
// of the SQLite store is caught here or not at all, and each run stays a few seconds.
const base = require('./jest.config.js').projects[0];

module.exports = {
  ...base,
  displayName: 'mutation',
  testMatch: ['<rootDir>/libs/{domain,event-store}/**/*.spec.ts', '<rootDir>/libs/event-store/src/sqlite/**/*.int-spec.ts', '<rootDir>/libs/event-store/src/contract/**/*.int-spec.ts'],
};
