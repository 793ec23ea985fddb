import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// docs/operations.md is where IT looks a setting up: every variable the configuration reads
// must have its row there, and no row may name one that is no longer read.
const root = join(__dirname, '..', '..', '..', '..');

function variablesRead(): Set<string> {
  const names = new Set<string>();
  // The provider file names the config's injection token, not a setting.
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'app-config.provider.ts')) {
    const text = readFileSync(join(__dirname, file), 'utf8');
    for (const match of text.matchAll(/env\.([A-Z][A-Z0-9_]+)|'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) names.add(match[1] ?? match[2]);
  }
  return names;
}

function variablesDocumented(): Set<string> {
  const text = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
  const table = text.slice(text.indexOf('## Configuration reference'));
  // A row may name several (`SMTP_HOST` / `SMTP_PORT` / …) in its first cell.
  const firstCells = table.split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split(' | ')[0]);
  return new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])));
}

describe('the configuration reference in docs/operations.md', () => {
  const read = variablesRead();
  const documented = variablesDocumented();
  // Read by the test harness, not by the app's configuration.
  const TEST_ONLY = ['CHROMIUM_PATH', 'TEST_POSTGRES_URL', 'PG_BIN_DIR'];

  it('finds the variables the configuration reads', () => {
    expect(read.size).toBeGreaterThan(50);
    expect(read).toContain('PORT');
  });

  it('has a row for every variable the app reads', () => {
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('has no row for a variable nothing reads', () => {
    expect([...documented].filter((name) => !read.has(name) && !TEST_ONLY.includes(name)).sort()).toEqual([]);
  });
});
