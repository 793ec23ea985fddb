import { RecordedEvent } from '../event-store.port';

/**
 * Events a store in this process built as it appended them, from the very data it hashed: the
 * objects an in-memory cache then serves (SQLite's recent streams). Nothing outside the process
 * can have changed them, so the verifying store does not hash them again; a copy read back from
 * the database is a new object and is checked like any other.
 */
export const hashedAtAppend = new WeakSet<RecordedEvent>();
