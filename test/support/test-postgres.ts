import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server globalSetup started or was given; undefined when PostgreSQL tests must skip. */
export function testPostgresUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL || undefined;
}

/**
 * A missing PostgreSQL install should not fail a laptop run, but the skip has to say why
 * so nobody mistakes a green run for PostgreSQL coverage.
 */
export function describeWithPostgres(name: string, fn: () => void): void {
  if (testPostgresUrl()) {
    describe(name, fn);
    return;
  }
  console.warn(`Skipping "${name}": TEST_POSTGRES_URL is not set and no PostgreSQL binaries were found.`);
  describe.skip(name, fn);
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * One database per test file keeps projections and checkpoints from leaking between files
 * that run in parallel workers against the same server.
 */
export async function createFreshDatabase(baseUrl: string): Promise<FreshDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withClient(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));

  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // FORCE ends connections a test forgot to close, which would otherwise block the drop.
      await withClient(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
