import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface GraphqlLoad {
  url: string;
  token: string;
  query: string;
  clients: number;
  requestsPerClient: number;
  /** Each client starts a request at most this often; without it, the next goes as soon as the last is answered. */
  everyMs?: number;
}

/**
 * Concurrent clients, each sending its next request when the last one is answered. They run in a
 * worker thread: clients sharing the server's event loop would slow it down and measure themselves.
 */
export function graphqlClients(load: GraphqlLoad): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'graphql-clients.worker.js'), { workerData: load });
    worker.once('message', (message: { times?: number[]; error?: string }) => {
      void worker.terminate();
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.times!);
    });
    worker.once('error', reject);
  });
}
