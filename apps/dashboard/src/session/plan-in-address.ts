import type { PlanSummary } from './me.query';

/**
 * Which plan the dashboard shows, for someone who can see several, is kept in the address
 * (#/actions?area=6&plan=north-plan): a bookmark, a shared link, a reload and the Back button
 * all bring back the plan they were on. The API still decides what each person may read.
 */
const PLAN_PARAM = 'plan';

function splitHash(): { path: string; params: URLSearchParams } {
  const [path, query = ''] = window.location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

/** The plan the address names, if the person can see it. */
export function planNamedInAddress(plans: PlanSummary[]): PlanSummary | undefined {
  const asked = splitHash().params.get(PLAN_PARAM);
  return plans.find((p) => p.id === asked);
}

/**
 * Puts the plan shown into the address without a new history entry, after a link that did not
 * carry it (the views' own links know nothing of plans). Someone with one plan gets no parameter.
 */
export function keepPlanInAddress(plan: PlanSummary, plans: PlanSummary[]): void {
  const { path, params } = splitHash();
  if (plans.length > 1) params.set(PLAN_PARAM, plan.id);
  else params.delete(PLAN_PARAM);
  const query = params.toString();
  const next = `#${path}${query ? `?${query}` : ''}`;
  if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
}

/** Choosing a plan opens its overview, as a new history entry, so Back returns to the plan before. */
export function planAddress(plan: PlanSummary): string {
  return `#/?${new URLSearchParams({ [PLAN_PARAM]: plan.id })}`;
}
