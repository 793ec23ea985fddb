/**
 * The prefix each concept's stream names start with. The name helpers below and `streamConcept`
 * are both built from this one table, so naming a stream and telling which concept a stream
 * belongs to cannot drift apart.
 */
const STREAM_PREFIXES = {
  plan: 'plan',
  action: 'action',
  user: 'user',
  meeting: 'meeting',
  metric: 'metric',
  risk: 'risk',
  challenge: 'challenge',
  dependencyNetwork: 'dependencies',
  followUp: 'follow-up',
  reminder: 'reminder',
  owner: 'owner',
  highNeeds: 'high-needs',
  condition: 'condition',
  funding: 'funding',
  quarterlyReturn: 'return',
  historyBreak: 'history-break',
  historyRestore: 'history-restore',
  chainHeadMail: 'chain-head',
} as const;

export type StreamConcept = keyof typeof STREAM_PREFIXES;

const streamOf = (concept: StreamConcept) => (id: string) => `${STREAM_PREFIXES[concept]}-${id}`;

export const planStream = streamOf('plan');
export const actionStream = streamOf('action');
export const userStream = streamOf('user');
export const meetingStream = streamOf('meeting');
export const metricStream = streamOf('metric');
export const riskStream = streamOf('risk');
export const challengeStream = streamOf('challenge');
/** A plan's dependencies are one network on one stream: a cycle is judged against all of them at once. */
export const dependencyNetworkStream = streamOf('dependencyNetwork');
export const followUpStream = streamOf('followUp');
export const reminderStream = streamOf('reminder');
/** What is said about a person who owns actions, risks or mitigations themselves: their renames. */
export const ownerStream = streamOf('owner');
/** A plan's High Needs Block position is one stream: each year's deficit carries into the next. */
export const highNeedsStream = streamOf('highNeeds');
export const conditionStream = streamOf('condition');
/** Money on a plan's actions and its priorities' savings targets: one stream per plan, so a roll-up is read from one place. */
export const fundingStream = streamOf('funding');
/** One stream per plan and quarter (`return-<planId>-2025-26-q2`): a quarter's sign-off is decided on its own. */
export const quarterlyReturnStream = (planId: string, quarter: { startYear: number; quarter: number }) =>
  streamOf('quarterlyReturn')(`${planId}-${quarter.startYear}-${String((quarter.startYear + 1) % 100).padStart(2, '0')}-q${quarter.quarter}`);

/** One stream per break found in the tamper-evident history (`history-break-1042-edited`): its record, alert and acknowledgement. */
export const historyBreakStream = streamOf('historyBreak');
/** One stream per restore after a break, recorded in the restored history: the incident's record there. */
export const historyRestoreStream = streamOf('historyRestore');
/** One stream per mailed chain head (a week, a meeting's close, a quarter's sign-off): sent once, by one instance. */
export const chainHeadMailStream = streamOf('chainHeadMail');

const NAME_PREFIX = Object.fromEntries(Object.entries(STREAM_PREFIXES).map(([concept, prefix]) => [concept, `${prefix}-`])) as Record<StreamConcept, string>;

// No prefix begins another (a test holds that), so the first that matches is the only one.
const BY_PREFIX = Object.entries(STREAM_PREFIXES).map(([concept, prefix]) => [`${prefix}-`, concept as StreamConcept] as const);

/** Which concept a stream belongs to, by its name; undefined for a stream no concept names (a store's own). */
export function streamConcept(streamId: string): StreamConcept | undefined {
  for (const [prefix, concept] of BY_PREFIX) if (streamId.startsWith(prefix)) return concept;
  return undefined;
}

/**
 * Whether a stream is one of `concept`'s. Since no prefix begins another, its own prefix decides:
 * one comparison per event on the projections' path rather than a walk through the table.
 */
export const isStreamOf = (concept: StreamConcept, streamId: string): boolean => streamId.startsWith(NAME_PREFIX[concept]);

/** The literal prefixes, for the architecture check that no one matches stream names by hand. */
export const STREAM_NAME_PREFIXES: readonly string[] = Object.values(STREAM_PREFIXES).map((prefix) => `${prefix}-`);
