/**
 * Whether an error says a PostgreSQL server could not be reached or is not taking work: PostgreSQL
 * SQLSTATE classes 08 (connection), 53 (resources), 57 (shutting down, starting up, crash
 * recovery) and 58 (I/O), or the socket itself refused or dropped. TypeORM wraps the driver's
 * error (`driverError`); both are looked at, and their causes. The event store's adapter and the
 * api's error mapping (for the read database) both ask this one question. Such a failure passes once the
 * server is back, so the client is told to try again, not that something is broken.
 */
export function isPostgresUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const at = queue.shift();
    if (!at || typeof at !== 'object' || seen.has(at)) continue;
    seen.add(at);
    const { code, message, driverError, cause } = at as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^(08|53|57|58)[0-9A-Z]{3}$/.test(code)) return true;
    if (typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(code)) return true;
    if (typeof message === 'string' && /^(Connection terminated|Query read timeout|timeout exceeded when trying to connect)/.test(message)) return true;
    queue.push(driverError, cause);
  }
  return false;
}
