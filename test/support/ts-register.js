// Lets a child process run the api straight from its TypeScript sources, as the tests do in
// process (transpile only, the repo's path aliases), so a test can SIGKILL a real api process.
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

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, ALIASES[request] ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: filename });
  module._compile(outputText, filename);
};
