import { Logger, Provider } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { openReadDatabase } from '@send/read-models';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.provider';

export const readDatabaseProvider: Provider = {
  provide: DataSource,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig) => {
    if (config.readDatabase.type === 'sqlite') mkdirSync(dirname(config.readDatabase.filename), { recursive: true });
    return openReadDatabase(config.readDatabase, {
      onSchemaReset: (from) =>
        new Logger('ReadModels').warn(
          `Read models were built by an older version (schema ${from}); they are dropped and will be rebuilt from the event store.`,
        ),
    });
  },
};
