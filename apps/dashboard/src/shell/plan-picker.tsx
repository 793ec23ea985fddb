import { useSession } from '../session/session-context';

/** For someone who can see several plans: which one the dashboard shows. Nothing for everyone else. */
export function PlanPicker() {
  const { plans, plan, choosePlan } = useSession();
  if (plans.length < 2) return null;
  return (
    <div className="plan-picker">
      <label htmlFor="plan-choice">Plan</label>
      <select id="plan-choice" value={plan.id} onChange={(e) => choosePlan(e.target.value)}>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.localArea.name}: {p.title} (version {p.version})
          </option>
        ))}
      </select>
    </div>
  );
}
