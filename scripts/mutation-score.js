#!/usr/bin/env node
// npm run test:mutation [-- <stryker options, e.g. --mutate 'libs/domain/src/access/**/*.ts'>]
// runs StrykerJS (stryker.config.json), then prints the mutation score of each package against
// the floors in scripts/mutation-floors.json. A floor only goes up: when a package scores above it,
// this says so, and the new figure belongs in the floors file and docs/testing.md.
// `node scripts/mutation-score.js <report.json>...` scores saved reports together instead: runs of
// one file or slice each, kept aside, add up to a package's score (a later report's verdict on the
// same mutant replaces an earlier one's, so a re-run after new tests counts once).
'use strict';
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
/** Most specific first: the access policy is scored apart from the rest of the domain. */
const PACKAGES = [
  ['access policy', 'libs/domain/src/access/'],
  ['domain', 'libs/domain/src/'],
  ['event store', 'libs/event-store/src/'],
];
/**
 * Never scored, even when a --mutate given on the command line (which replaces the config's list
 * and its exclusions) takes them in: tests themselves, and the EventStoreDB adapter, whose tests
 * need a server the mutation run does not start, so its every mutant would count as a survivor.
 */
const NOT_SCORED = [/\.(spec|int-spec|e2e-spec)\.ts$/, /\.(contract|fixture)\.ts$/, /^libs\/event-store\/src\/esdb\//];

/** Each mutant's latest status, keyed by file, place and replacement, over the reports in order. */
function statusesOf(reportFiles) {
  const statuses = new Map();
  for (const reportFile of reportFiles) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const path = relative(root, join(report.projectRoot ?? root, file)).replace(/\\/g, '/');
      for (const { location: l, mutatorName, replacement, status } of mutants) {
        statuses.set(JSON.stringify([path, l.start.line, l.start.column, l.end.line, l.end.column, mutatorName, replacement]), { path, status });
      }
    }
  }
  return statuses.values();
}

function main(reportFiles) {
  const floors = JSON.parse(readFileSync(join(__dirname, 'mutation-floors.json'), 'utf8'));
  const counts = new Map(PACKAGES.map(([name]) => [name, { killed: 0, survived: 0, noCoverage: 0, excluded: 0 }]));
  for (const { path, status } of statusesOf(reportFiles)) {
    if (NOT_SCORED.some((pattern) => pattern.test(path))) continue;
    const found = PACKAGES.find(([, prefix]) => path.startsWith(prefix));
    if (!found) continue;
    const c = counts.get(found[0]);
    if (status === 'Killed' || status === 'Timeout') c.killed++;
    else if (status === 'Survived') c.survived++;
    else if (status === 'NoCoverage') c.noCoverage++;
    // A mutant the compiler refuses, or one Stryker was told to ignore, tests nothing.
    else c.excluded++;
  }
  let failed = false;
  console.log('package        score   killed  survived  no cover  floor');
  for (const [name, c] of counts) {
    const valid = c.killed + c.survived + c.noCoverage;
    if (valid === 0) {
      console.log(`${name.padEnd(14)} (not mutated in this run)`);
      continue;
    }
    const score = (100 * c.killed) / valid;
    const floor = floors[name] ?? 0;
    const below = score < floor;
    failed ||= below;
    console.log(`${name.padEnd(14)} ${score.toFixed(1).padStart(5)}%  ${String(c.killed).padStart(6)}  ${String(c.survived).padStart(8)}  ${String(c.noCoverage).padStart(8)}  ${floor}%${below ? '  BELOW THE FLOOR' : score >= floor + 1 ? `  (raise the floor to ${Math.floor(score)})` : ''}`);
  }
  if (failed) {
    console.error('\nA package scored below its floor: a change left mutants alive that the tests caught before. See reports/mutation/mutation.html.');
    process.exit(1);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--run') {
  const run = spawnSync(process.execPath, [join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', ...args.slice(1)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  main([join(root, 'reports/mutation/mutation.json')]);
} else {
  main(args.length > 0 ? args : [join(root, 'reports/mutation/mutation.json')]);
}
