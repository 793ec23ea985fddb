import { AppConfig } from '../config/app-config';
import { backUpDataDirectory } from './back-up-data-directory';
import { restoreDataDirectory } from './restore-data-directory';
import { embeddedStoreOnly } from './embedded-store-only';

describe('embeddedStoreOnly: the refusal names the store in use and where its procedure is', () => {
  it('sends a PostgreSQL deployment to pg_dump and the PostgreSQL section', () => {
    const message = embeddedStoreOnly('postgres', 'back up');
    expect(message).toMatch(/^EVENT_STORE=postgres: back up the PostgreSQL database/);
    expect(message).toContain('pg_dump');
    expect(message).toContain('"Everything on PostgreSQL"');
    expect(message).not.toMatch(/EventStoreDB|KurrentDB/);
  });

  it('sends an EventStoreDB deployment to its own procedure', () => {
    const message = embeddedStoreOnly('esdb', 'restore');
    expect(message).toMatch(/^EVENT_STORE=esdb: restore EventStoreDB \(KurrentDB\)/);
    expect(message).not.toContain('pg_dump');
  });
});

describe('backup and restore refuse a PostgreSQL event store with that message, before touching anything', () => {
  // Only the store setting is read before the refusal; the rest of the configuration is never reached.
  const onPostgres = { dataDir: '/nowhere', eventStore: { type: 'postgres', url: 'postgres://nowhere/none' } } as AppConfig;

  it('npm run backup', async () => {
    await expect(backUpDataDirectory(onPostgres, '/nowhere/backup')).rejects.toThrow(embeddedStoreOnly('postgres', 'back up'));
  });

  it('npm run restore', async () => {
    await expect(restoreDataDirectory(onPostgres, '/nowhere/backup')).rejects.toThrow(embeddedStoreOnly('postgres', 'restore'));
  });
});
