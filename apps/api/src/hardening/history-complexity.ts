import { ComplexityEstimatorArgs } from '@nestjs/graphql';

type Estimator = (options: ComplexityEstimatorArgs) => number;

/**
 * The query-cost rule (GRAPHQL_MAX_COST, 25,000 by default) prices a read-model field at about a
 * row each. Fields that read events instead cost what that reading costs, so that a few aliases
 * of one are refused before they run rather than holding the process.
 *
 * WHOLE_HISTORY_COST: every event in the store is read and hashed (verifyHistory; the quarterly
 * report, whose chain head on EventStoreDB is recomputed from the first event). Two fit in one
 * request, three do not.
 */
export const WHOLE_HISTORY_COST = 10_000;

/**
 * PLAN_HISTORY_COST: one plan's streams are read and folded to an instant (a read with recordedBy or
 * asAtMeeting, movement between two instants, update rounds at their close). The dashboard's
 * costliest page, its list of 100 actions as at a meeting (plan and actions both folded), costs
 * about 3,900; expensive-requests.e2e-spec checks every dashboard query fits.
 */
export const PLAN_HISTORY_COST = 1_000;

/** What a field with no estimator of its own costs: itself and what is asked of it. */
const fieldCost: Estimator = ({ childComplexity }) => 1 + childComplexity;

/**
 * The store's head and event count as the store keeps them (historyHead): one row and a count of
 * those appended since the last ask, no event read or hashed, so priced like a read-model row.
 */
export const storeHeadComplexity: Estimator = fieldCost;

/** A field that reads every event in the store. */
export const wholeHistoryComplexity: Estimator = (options) => WHOLE_HISTORY_COST + fieldCost(options);

/** A field that folds a plan's streams `folds` times (to different instants) on every call. */
export const planHistoryComplexity =
  (folds = 1, live: Estimator = fieldCost): Estimator =>
  (options) =>
    folds * PLAN_HISTORY_COST + live(options);

/** Arguments that turn a read-model read into a fold of the event history (asOfDate folds all of it, to now). */
export const readsThePast = (args: Record<string, unknown>): boolean =>
  args.recordedBy != null || args.asAt != null || args.asAtMeeting != null || args.asOfDate != null;

/**
 * A read that is live by default and rebuilt from the history with recordedBy (or the deprecated
 * asAt) or asAtMeeting: priced as `live` costs it, plus `folds` plan folds when it looks into the
 * past (`plans` folds each plan).
 */
export const asAtComplexity = (live: Estimator = fieldCost, folds = 1): Estimator => {
  const past = planHistoryComplexity(folds, live);
  return (options) => (readsThePast(options.args) ? past : live)(options);
};
