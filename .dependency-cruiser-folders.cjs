// Folder cycles are judged on production code only: a test may reach across folders to set the
// scene without tying them together. scripts/architecture.spec.ts runs this beside
// .dependency-cruiser.cjs; .dependency-cruiser-app-folders.cjs holds the apps' folders.
const base = require('./.dependency-cruiser.cjs');

module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles-in-libs',
      comment: 'Folders of a lib depend one way, so each can be read and moved without the others.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^libs/' },
      to: { path: '^libs/', circular: true },
    },
  ],
  options: {
    ...base.options,
    exclude: { path: [base.options.exclude.path, '\\.(spec|int-spec|e2e-spec|fixture|contract)\\.ts$'] },
  },
};
