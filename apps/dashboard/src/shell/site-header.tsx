import type { Route } from '../routing/use-route';
import { MAY_VERIFY } from '../history/verify-history.query';
import { may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { MAY_READ_REMINDERS } from '../reminders/reminders.query';
import { PlanPicker } from './plan-picker';
import { signedInAs } from './signed-in-as';

const VIEWS = [
  { path: '/', label: 'Overview' },
  { path: '/actions', label: 'Actions' },
  { path: '/movement', label: 'What moved' },
  { path: '/scorecard', label: 'Scorecard' },
  { path: '/risks', label: 'Risks' },
  { path: '/conditions', label: 'Conditions' },
  // Every role in the plan's area may read the High Needs Block position (docs/finance.md).
  { path: '/finance', label: 'Finance' },
  { path: '/dependencies', label: 'Dependencies' },
  { path: '/agenda', label: 'Agenda' },
];

function isCurrent(route: Route, path: string): boolean {
  return path === '/' ? route.path === '/' : route.path === path || route.path.startsWith(`${path}/`);
}

export function SiteHeader({ route, large, onLarge }: { route: Route; large: boolean; onLarge(large: boolean): void }) {
  const { me, plan, signOut } = useSession();
  const here = me.roles.filter((r) => r.localAreaId === plan.localArea.id);
  const views = [
    ...VIEWS,
    ...(here.some((r) => MAY_VERIFY.includes(r.role)) ? [{ path: '/history', label: 'History check' }] : []),
    ...(here.some((r) => MAY_READ_REMINDERS.includes(r.role)) ? [{ path: '/reminders', label: 'Reminders' }] : []),
    ...(may(me, 'ImportPlan', plan.localArea.id) ? [{ path: '/import', label: 'Import' }] : []),
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <div className="header-top">
        <p className="plan-name">
          <span className="area-name">{plan.localArea.name}</span> {plan.title}
        </p>
        <PlanPicker />
        <div className="who">
          <span data-testid="signed-in-as">
            {signedInAs(me.displayName, here.map((r) => r.role))}
          </span>
          <button type="button" aria-pressed={large} onClick={() => onLarge(!large)}>
            Large display
          </button>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </div>
      <nav aria-label="Dashboard views">
        <ul>
          {views.map((v) => (
            <li key={v.path}>
              <a href={`#${v.path}`} aria-current={isCurrent(route, v.path) ? 'page' : undefined}>
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
