import { useEffect, useState } from 'react';
import { ActionListPage } from '../actions/action-list-page';
import { ActionPage } from '../actions/action-page';
import { AsAt, AsAtContext } from '../as-at/as-at-context';
import { AsAtControl } from '../as-at/as-at-control';
import { HistoryBanner } from '../history/history-banner';
import { HistoryCheckPage } from '../history/history-check-page';
import { HistoryIntegrityProvider } from '../history/history-integrity-context';
import { MovementPage } from '../movement/movement-page';
import { QuarterlyReturnPage } from '../quarterly-return/quarterly-return-page';
import { OverviewPage } from '../overview/overview-page';
import { useRoute } from '../routing/use-route';
import { ScorecardPage } from '../scorecard/scorecard-page';
import { RisksPage } from '../risks/risks-page';
import { RiskPage } from '../risks/risk-page';
import { ConditionsPage } from '../conditions/conditions-page';
import { FinancePage } from '../finance/finance-page';
import { DependenciesPage } from '../dependencies/dependencies-page';
import { AgendaPage } from '../agenda/agenda-page';
import { RemindersPage } from '../reminders/reminders-page';
import { PlanImportPage } from '../plan-import/plan-import-page';
import { MeasurementImportPage } from '../plan-import/measurement-import-page';
import { SiteHeader } from './site-header';

function View() {
  const route = useRoute();
  const action = /^\/actions\/(.+)$/.exec(route.path);
  if (action) return <ActionPage id={decodeURIComponent(action[1])} />;
  const risk = /^\/risks\/(.+)$/.exec(route.path);
  if (risk) return <RiskPage riskRef={decodeURIComponent(risk[1])} />;
  switch (route.path) {
    case '/':
      return <OverviewPage />;
    case '/actions':
      return <ActionListPage route={route} />;
    case '/movement':
      return <MovementPage />;
    case '/movement/quarterly-return':
      return <QuarterlyReturnPage />;
    case '/scorecard':
      return <ScorecardPage />;
    case '/risks':
      return <RisksPage />;
    case '/conditions':
      return <ConditionsPage />;
    case '/finance':
      return <FinancePage />;
    case '/dependencies':
      return <DependenciesPage />;
    case '/agenda':
      return <AgendaPage />;
    case '/history':
      return <HistoryCheckPage />;
    case '/reminders':
      return <RemindersPage />;
    case '/import':
      return <PlanImportPage />;
    case '/import/measurements':
      return <MeasurementImportPage />;
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is no view at {route.path}. <a href="#/">Go to the overview</a>.
          </p>
        </>
      );
  }
}

export function SignedInApp() {
  const route = useRoute();
  const [asAt, setAsAt] = useState<AsAt>(null);
  const [large, setLarge] = useState(() => localStorage.getItem('send-dashboard.large') === 'yes');

  useEffect(() => {
    document.documentElement.classList.toggle('large-display', large);
    localStorage.setItem('send-dashboard.large', large ? 'yes' : 'no');
  }, [large]);

  return (
    <AsAtContext.Provider value={{ asAt, setAsAt }}>
      <HistoryIntegrityProvider>
        <SiteHeader route={route} large={large} onLarge={setLarge} />
        <AsAtControl />
        <main id="main" tabIndex={-1}>
          <HistoryBanner />
          <View />
        </main>
      </HistoryIntegrityProvider>
    </AsAtContext.Provider>
  );
}
