import { harnessState } from './global-setup';

/** Removes the run's dashboard bundle; stops only a cluster this run started (a TEST_POSTGRES_URL from outside is left alone). */
export default async function globalTeardown(): Promise<void> {
  const state = harnessState();
  const cluster = state.cluster;
  state.cluster = undefined;
  state.prepared = false;
  state.removeDashboard?.();
  state.removeDashboard = undefined;
  if (!cluster) return;
  if (process.env.TEST_POSTGRES_URL === cluster.url) delete process.env.TEST_POSTGRES_URL;
  await cluster.stop();
}
