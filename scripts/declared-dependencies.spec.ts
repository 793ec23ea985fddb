import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// npm installs a package's own dependencies beside ours, so an undeclared import works until an
// upstream release drops it (multer came in through @nestjs/platform-express this way).
const root = join(__dirname, '..');
const FOLDERS = ['apps', 'libs', 'bench', 'test', 'scripts'];
const SKIPPED = new Set(['node_modules', 'peers', 'dist']);

function sources(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) sources(join(dir, entry.name), found);
    } else if (/\.(ts|tsx|js)$/.test(entry.name)) found.push(join(dir, entry.name));
  }
  return found;
}

/** The package a bare import names: `a/b` is `a`, `@s/a/b` is `@s/a`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('every package the code imports is declared in package.json', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)]);
  const ours = ['@send/domain', '@send/event-store', '@send/read-models'];

  it('finds none missing', () => {
    const missing: string[] = [];
    for (const file of FOLDERS.flatMap((folder) => sources(join(root, folder)))) {
      const text = readFileSync(file, 'utf8');
      // Type-only imports vanish from the output; everything else must resolve in production.
      for (const match of text.matchAll(/^\s*(?:import(?!\s+type\b)[^'";]*?from\s*|import\s*\(\s*|export[^'";]*?from\s*|require\(\s*)['"]([^'".][^'"]*)['"]/gm)) {
        const name = packageOf(match[1]);
        if (name.startsWith('node:') || builtinModules.includes(name) || ours.includes(name) || declared.has(name)) continue;
        missing.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
