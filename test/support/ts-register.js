// Lets a child process run the api straight from its TypeScript sources, as the tests do in
// process (transpile only, the repo's path aliases), so a test can SIGKILL a real api process.
// Transpiling the app's ~900 files took most of a child's 12 s of start-up CPU, and the suite
// starts dozens of children: each output is kept on disk under its source's hash, so only the
// first child after a change transpiles a file.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '..', '..');
const ALIASES = {
  '@send/domain': path.join(root, 'libs/domain/src/index.ts'),
  '@send/event-store': path.join(root, 'libs/event-store/src/index.ts'),
  '@send/read-models': path.join(root, 'libs/read-models/src/index.ts'),
};
const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  isolatedModules: true,
};
// The compiler's version and options are part of every key: an upgrade never serves old output.
const SALT = `${ts.version}\0${JSON.stringify(COMPILER_OPTIONS)}\0`;
const CACHE_DIR = path.join(root, 'node_modules', '.cache', 'send-ts-register');

function transpile(source, filename) {
  const key = crypto.createHash('sha256').update(SALT).update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: filename });
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      // Written aside and renamed, so a child starting alongside never reads half a file.
      const partial = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(partial, outputText);
      fs.renameSync(partial, cached);
    } catch {
      // A read-only checkout still runs, only slower.
    }
    return outputText;
  }
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, ALIASES[request] ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
