#!/usr/bin/env node
// Installs and compiles the benchmark's peers (bench/peers: Emmett's stores), kept out of the
// product's dependencies. `npm run bench` calls it after the main build.
//
// Two things a plain `npm install && tsc` got wrong:
// - node-sqlite3 is a native module, and `npm install` keeps one built by another Node; loaded by
//   this Node it can crash the process outright (a segfault, no message). It is rebuilt whenever
//   the Node that built it is not this one.
// - The peers import the product's libraries by their `@send/*` names. Those are rewritten with
//   the product's own tsconfig.build.json, whose paths are relative to the repository root
//   (bench/peers/tsconfig.json extends it, and tsc-alias read its paths from bench/peers/).
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const peers = join(root, 'bench', 'peers');
const BUILT_FOR = join(peers, 'node_modules', '.built-for-node');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(what, command, args) {
  process.stderr.write(`bench peers: ${what}…\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`bench peers: ${what} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

run('installing', npm, ['install', '--prefix', peers, '--no-audit', '--no-fund', '--loglevel=error']);
const builtFor = existsSync(BUILT_FOR) ? readFileSync(BUILT_FOR, 'utf8').trim() : 'unknown';
if (builtFor !== process.version) {
  run(`rebuilding native modules for Node ${process.version} (were built for ${builtFor})`, npm, ['rebuild', '--prefix', peers, '--loglevel=error']);
  writeFileSync(BUILT_FOR, `${process.version}\n`);
}
run('compiling', bin('tsc'), ['-p', join(peers, 'tsconfig.json')]);
run('rewriting path aliases', bin('tsc-alias'), ['-p', join(root, 'tsconfig.build.json')]);
process.stderr.write('bench peers: ready\n');
