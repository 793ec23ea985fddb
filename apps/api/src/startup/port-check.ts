import { createServer } from 'node:net';
import { ConfigurationError } from '../config/app-config';

/**
 * Whether the port can be listened on, asked before the app opens its stores: a second
 * `npm start` beside a running one should say so at once, not load, migrate or project anything.
 * The app's own listen can still lose a race for the port; main.ts words that failure the same way.
 */
export async function ensurePortIsFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? portProblem(port, error.code) : error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** The message for a port that cannot be had, naming the setting that fixes it. */
export function portProblem(port: number, code: string): ConfigurationError {
  if (code === 'EACCES') return new ConfigurationError(`port ${port} needs privileges this user does not have; set PORT to a port above 1023, e.g. PORT=3000`);
  return new ConfigurationError(`port ${port} is in use (is the tracker already running?); set PORT to another port, e.g. PORT=${port + 1} npm start`);
}
