import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraphiql } from '../../apps/graphiql/build-graphiql';

/** A GraphiQL bundle built for this test file by the same function `npm run build` uses. */
export async function buildTestGraphiql(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'send-graphiql-'));
  await buildGraphiql(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
