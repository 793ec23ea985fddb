import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../app.factory';
import { DEFAULT_EVIDENCE_FILE_MAX_BYTES, DEFAULT_LIMITS } from '../config/app-config';

/** `npm run schema`: regenerates apps/api/schema.gql, the committed SDL reviewers read. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'send-schema-'));
  const schemaFile = resolve('apps/api/schema.gql');
  try {
    const app = await createApp({
      port: 0,
      dataDir,
      eventStore: { type: 'sqlite', filename: ':memory:' },
      readDatabase: { type: 'sqlite', filename: ':memory:' },
      auth: { mode: 'local', keyFile: join(dataDir, 'key.json'), issuer: 'schema', audience: 'schema' },
      limits: DEFAULT_LIMITS,
      evidenceFiles: { dir: join(dataDir, 'evidence-files'), maxBytes: DEFAULT_EVIDENCE_FILE_MAX_BYTES },
      loadDemoPlan: false,
      production: false,
      schemaFile,
      quiet: true,
    });
    await app.init();
    await app.close();
    console.log(`Wrote ${schemaFile}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
