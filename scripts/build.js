#!/usr/bin/env node
// Builds the api, the CLI and the dashboard into dist/, unless dist/ already holds a build of
// exactly these sources. `npm start` and every CLI script call this first: with nothing changed
// they go straight to work (a few hundred ms of hashing) instead of a 15–30 s compile each time.
//
//   node scripts/build.js            build if anything that goes into dist/ changed
//   node scripts/build.js --force    build regardless
//   node scripts/build.js --quiet    say nothing when the build is up to date (the CLI scripts)
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const STAMP = join(dist, '.build-fingerprint');
/** What the build reads: sources, the compiler's settings and the exact dependency versions. */
const INPUT_DIRS = ['apps', 'libs', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.js'];
const SKIPPED_DIRS = new Set(['node_modules', 'peers', 'dist']);
/** Without these the app cannot start, whatever the fingerprint says (a half-deleted dist/). */
const OUTPUTS = [
  'apps/api/src/main.js',
  'apps/dashboard/build-dashboard.js',
  'dashboard/dashboard.js',
  'dashboard/dashboard.css',
  'apps/graphiql/build-graphiql.js',
  'graphiql/graphiql.js',
];

function sourceFiles(dir, found) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) sourceFiles(join(dir, entry.name), found);
    } else if (/\.(ts|tsx|css|json)$/.test(entry.name)) {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

/** Contents, not modification times: a git checkout or a fresh clone touches every file. */
function fingerprint(root) {
  const found = [];
  for (const dir of INPUT_DIRS) if (existsSync(join(root, dir))) sourceFiles(join(root, dir), found);
  const files = [...found, ...INPUT_FILES.map((f) => join(root, f)).filter(existsSync)].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return { files: files.length, value: hash.digest('hex') };
}

// With --quiet (the CLI scripts) progress goes to stderr, so `TOKEN=$(npm run -s token …)` gets the token only.
const args = new Set(process.argv.slice(2));
const out = args.has('--quiet') ? process.stderr : process.stdout;
const say = (line) => out.write(`${line}\n`);

function run(label, command, args) {
  const started = Date.now();
  out.write(`  ${label}… `);
  const done = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (done.status !== 0) {
    out.write('failed\n');
    process.stderr.write(done.stdout + done.stderr);
    process.exit(done.status ?? 1);
  }
  out.write(`${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Whether root/dist holds a complete build of exactly these sources. */
function upToDate(root, current = fingerprint(root)) {
  const stamp = join(root, 'dist', '.build-fingerprint');
  const built = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '';
  return built === current.value && OUTPUTS.every((file) => existsSync(join(root, 'dist', file)));
}

function main() {
  const started = Date.now();
  const current = fingerprint(root);
  if (!args.has('--force') && upToDate(root, current)) {
    if (!args.has('--quiet')) say(`Build is up to date (${current.files} source files unchanged, checked in ${Date.now() - started} ms).`);
    return;
  }
  say(`Building into dist/ (the sources changed since the last build, or there is none)…`);
  // A failed or interrupted build must not leave an old stamp beside new, partial output.
  rmSync(STAMP, { force: true });
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  run('compiling the api, CLI and benchmarks (tsc)', process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  run('rewriting path aliases (tsc-alias)', bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
  run('bundling the dashboard (esbuild)', process.execPath, [join(dist, 'apps/dashboard/build-dashboard.js'), join(dist, 'dashboard')]);
  run('bundling GraphiQL (esbuild)', process.execPath, [join(dist, 'apps/graphiql/build-graphiql.js'), join(dist, 'graphiql')]);
  writeFileSync(STAMP, `${current.value}\n`);
  say(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (require.main === module) main();
module.exports = { fingerprint, upToDate, OUTPUTS };
