// Folder cycles in the apps, judged like the libs' (.dependency-cruiser-folders.cjs) but on the
// imports that run: a type-only import is erased at build and has no load order. A GraphQL model
// names the reader that answers it, and the reader's interface names the models, so that one type
// spans folders on purpose. scripts/architecture.spec.ts runs this too (docs/architecture.md).
const libs = require('./.dependency-cruiser-folders.cjs');
const [libFolders] = libs.forbidden;

module.exports = {
  forbidden: [
    {
      ...libFolders,
      name: 'no-folder-cycles-in-apps',
      comment: 'Folders of an app depend one way: resolvers above the readers, those above the concepts, the command runner and infrastructure below them.',
      from: { path: '^apps/' },
      to: { path: '^apps/', circular: true },
    },
  ],
  options: { ...libs.options, tsPreCompilationDeps: false },
};
