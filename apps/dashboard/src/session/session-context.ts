import { createContext, useContext } from 'react';
import type { Me, PlanSummary } from './me.query';

export interface Session {
  /** The current bearer token: read it when sending, as single sign-on renews it in place. */
  readonly token: string;
  me: Me;
  /** Every plan the person can see; most people have one. */
  plans: PlanSummary[];
  /** The plan shown: the one the address names, else the first. */
  plan: PlanSummary;
  /** Shows another of `plans` (its overview). */
  choosePlan(planId: string): void;
  /** Today in the UK by the API's clock (YYYY-MM-DD), whatever the device's clock and time zone say. */
  today(): string;
  signOut(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in dashboard');
  return session;
}
