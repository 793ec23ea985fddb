import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { GraphqlLoad } from './graphql-clients';

/** Runs the clients and posts back one latency per request, or the first error. */
async function run({ url, token, query, clients, requestsPerClient, everyMs }: GraphqlLoad): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      // Paced clients start spread over one interval, as people at a meeting do not click in step.
      if (everyMs) await new Promise((resolve) => setTimeout(resolve, (everyMs * c) / clients));
      for (let r = 0; r < requestsPerClient; r++) {
        const t = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
        times.push(performance.now() - t);
        const wait = everyMs ? everyMs - (performance.now() - t) : 0;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  return times;
}

run(workerData as GraphqlLoad).then(
  (times) => parentPort!.postMessage({ times }),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
