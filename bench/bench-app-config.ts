import { join } from 'node:path';
import { AppConfig, DEFAULT_EVIDENCE_FILE_MAX_BYTES, DEFAULT_LIMITS } from '../apps/api/src/config/app-config';

/** The embedded default the benchmarks measure: SQLite events and read models in `dir`, local sign-in, production settings, quiet. */
export function benchAppConfig(dir: string): AppConfig {
  return {
    port: 0,
    dataDir: dir,
    eventStore: { type: 'sqlite', filename: join(dir, 'events.sqlite') },
    readDatabase: { type: 'sqlite', filename: join(dir, 'read-models.sqlite') },
    auth: { mode: 'local', keyFile: join(dir, 'auth', 'key.json'), issuer: 'send-bench', audience: 'send-tracker' },
    limits: DEFAULT_LIMITS,
    evidenceFiles: { dir: join(dir, 'evidence-files'), maxBytes: DEFAULT_EVIDENCE_FILE_MAX_BYTES },
    loadDemoPlan: false,
    production: true,
    quiet: true,
  };
}
