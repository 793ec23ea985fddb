import { ukDate } from '@send/domain';

/**
 * When each Node.js line stops getting security fixes (nodejs.org/en/about/previous-releases).
 * A council's IT security review refuses a service on an unpatched runtime, so the suite fails
 * (node-runtime.spec.ts) and the api warns at start once the Node it runs on is past this date.
 * Add a line when a new LTS line starts; odd-numbered lines are never LTS and are not supported.
 */
export const NODE_END_OF_LIFE: Readonly<Record<number, string>> = {
  20: '2026-04-30',
  22: '2027-04-30',
  24: '2028-04-30',
  26: '2029-04-30',
};

export type RuntimeSupport = { supported: true; endOfLife: string } | { supported: false; reason: string };

/** Whether Node `version` (as `process.versions.node`) is an LTS line still supported on `today` (YYYY-MM-DD). */
export function runtimeSupport(version: string, today: string): RuntimeSupport {
  const major = Number(version.split('.')[0]);
  const endOfLife = NODE_END_OF_LIFE[major];
  if (endOfLife === undefined) return { supported: false, reason: `Node ${version} is not a long-term-support line this service knows (${Object.keys(NODE_END_OF_LIFE).join(', ')})` };
  if (today > endOfLife) return { supported: false, reason: `Node ${major} reached its end of life on ${ukDate(endOfLife)}; run Node 24 LTS` };
  return { supported: true, endOfLife };
}
