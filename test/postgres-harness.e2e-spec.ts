import { Client } from 'pg';
import { FreshDatabase, createFreshDatabase, describeWithPostgres, testPostgresUrl } from './support/test-postgres';

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describeWithPostgres('PostgreSQL test harness', () => {
  const baseUrl = testPostgresUrl() as string;
  const created: FreshDatabase[] = [];

  afterAll(async () => {
    await Promise.all(created.map((database) => database.drop()));
  });

  it('serves a real PostgreSQL server', async () => {
    const [row] = await query<{ version: string }>(baseUrl, 'SELECT version()');
    expect(row.version).toMatch(/^PostgreSQL \d+/);
  });

  it('gives each caller its own database', async () => {
    const first = await createFreshDatabase(baseUrl);
    const second = await createFreshDatabase(baseUrl);
    created.push(first, second);
    expect(first.url).not.toBe(second.url);

    await query(first.url, 'CREATE TABLE marker (id int)');

    const inFirst = await query<{ name: string | null }>(first.url, "SELECT to_regclass('marker')::text AS name");
    const inSecond = await query<{ name: string | null }>(second.url, "SELECT to_regclass('marker')::text AS name");
    expect(inFirst[0].name).toBe('marker');
    expect(inSecond[0].name).toBeNull();
  });

  it('drops a fresh database so runs leave nothing behind', async () => {
    const database = await createFreshDatabase(baseUrl);
    const name = new URL(database.url).pathname.slice(1);
    await database.drop();

    const rows = await query<{ datname: string }>(baseUrl, `SELECT datname FROM pg_database WHERE datname = '${name}'`);
    expect(rows).toEqual([]);
  });
});
