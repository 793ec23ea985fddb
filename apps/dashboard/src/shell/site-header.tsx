import type { Route } from '../routing/use-route';
import { MAY_VERIFY } from '../history/verify-history.query';
import { useSession } from '../session/session-context';
import { signedInAs } from './signed-in-as';

const VIEWS = [
  { path: '/', label: 'Overview' },
  { path: '/actions', label: 'Actions' },
  { path: '/movement', label: 'What moved' },
  { path: '/scorecard', label: 'Scorecard' },
  { path: '/risks', label: 'Risks' },
  { path: '/conditions', label: 'Conditions' },
  { path: '/dependencies', label: 'Dependencies' },
  { path: '/agenda', label: 'Agenda' },
];

function isCurrent(route: Route, path: string): boolean {
  return path === '/' ? route.path === '/' : route.path === path || route.path.startsWith(`${path}/`);
}

export function SiteHeader({ route, large, onLarge }: { route: Route; large: boolean; onLarge(large: boolean): void }) {
  const { me, plan, signOut } = useSession();
  const here = me.roles.filter((r) => r.localAreaId === plan.localArea.id);
  const views = here.some((r) => MAY_VERIFY.includes(r.role)) ? [...VIEWS, { path: '/history', label: 'History check' }] : VIEWS;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <div className="header-top">
        <p className="plan-name">
          <span className="area-name">{plan.localArea.name}</span> {plan.title}
        </p>
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
