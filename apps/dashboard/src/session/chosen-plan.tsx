import { ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Session, SessionContext } from './session-context';
import { keepPlanInAddress, planAddress, planNamedInAddress } from './plan-in-address';
import type { PlanSummary } from './me.query';

/**
 * Shows one of the plans a person can see, the one the address names: the board member of two
 * areas, or the DfE adviser to several, picks it in the header; everyone else has their only plan.
 * Everything under it is drawn afresh for a new plan, so no filter, as-at or form carries over.
 */
export function ChosenPlan({ session, children }: { session: Omit<Session, 'plan' | 'choosePlan'>; children: (plan: PlanSummary) => ReactNode }) {
  const [plan, setPlan] = useState(() => planNamedInAddress(session.plans) ?? session.plans[0]);
  const shown = useRef(plan);
  shown.current = plan;

  useEffect(() => {
    // A link without a plan (or with one this person cannot see) stays on the plan shown.
    const follow = () => {
      const next = planNamedInAddress(session.plans) ?? shown.current;
      keepPlanInAddress(next, session.plans);
      if (next.id !== shown.current.id) setPlan(next);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [session]);

  const value = useMemo<Session>(
    () => ({
      get token() {
        return session.token;
      },
      me: session.me,
      plans: session.plans,
      today: session.today,
      signOut: session.signOut,
      plan,
      choosePlan: (planId: string) => {
        const chosen = session.plans.find((p) => p.id === planId);
        if (chosen) window.location.hash = planAddress(chosen);
      },
    }),
    [session, plan],
  );
  return <SessionContext.Provider value={value}>{children(plan)}</SessionContext.Provider>;
}
