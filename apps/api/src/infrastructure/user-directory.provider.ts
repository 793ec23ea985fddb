import { Logger, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrokenHistoryError, UpcastingEventStore } from '@send/event-store';
import { LiveUserDirectory } from '@send/read-models';
import { EVENT_STORE } from './event-store.provider';

/**
 * The directory signing in reads. A failed read is tried again at the next wake or poll from where
 * it stopped, and said as a warning: the projections meet the same store and report it themselves
 * (a history break once, an outage as a warning, anything else as an error).
 */
export const userDirectoryProvider: Provider = {
  provide: LiveUserDirectory,
  inject: [EVENT_STORE, DataSource],
  useFactory: (store: UpcastingEventStore, dataSource: DataSource) => {
    const logger = new Logger('UserDirectory');
    return new LiveUserDirectory(store, dataSource, (error) => {
      if (error instanceof BrokenHistoryError) return;
      logger.warn(`The user directory could not follow the store; will retry: ${error instanceof Error ? error.message : error}`);
    });
  },
};
