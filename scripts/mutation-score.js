#!/usr/bin/env node
// npm run test:mutation [-- <stryker options, e.g. --mutate 'libs/domain/src/access/**/*.ts'>]
// runs StrykerJS (stryker.config.json), then prints the mutation score of each package against
// the floors in scripts/mutation-floors.json. A floor only goes up: when a package scores above it,
// this says so, and the new figure belongs in the floors file and docs/testing.md.
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

function main() {
  const report = JSON.parse(readFileSync(join(root, 'reports/mutation/mutation.json'), 'utf8'));
  const floors = JSON.parse(readFileSync(join(__dirname, 'mutation-floors.json'), 'utf8'));
  const counts = new Map(PACKAGES.map(([name]) => [name, { killed: 0, survived: 0, noCoverage: 0, excluded: 0 }]));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const path = relative(root, join(report.projectRoot ?? root, file)).replace(/\\/g, '/');
    const found = PACKAGES.find(([, prefix]) => path.startsWith(prefix));
    if (!found) continue;
    const c = counts.get(found[0]);
    for (const { status } of mutants) {
      if (status === 'Killed' || status === 'Timeout') c.killed++;
      else if (status === 'Survived') c.survived++;
      else if (status === 'NoCoverage') c.noCoverage++;
      // A mutant the compiler refuses, or one Stryker was told to ignore, tests nothing.
      else c.excluded++;
    }
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
}
main();
