import { useState } from 'react';
import { describeFinancialPeriod, parseFinancialPeriod } from '@send/domain';
import { downloadEvidenceFile } from '../api/evidence-file-client';
import { GraphQLRequestError } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { MovementTabs } from '../movement/movement-tabs';
import { may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { NotificationBanner } from '../shared/notification-banner';
import { QueryStatus } from '../shared/query-status';
import { SelectField } from '../shared/select-field';
import { ExecutiveSummaryForm } from './executive-summary-form';
import { QUARTERLY_RETURN_QUERY, QuarterlyReturn, RETURN_CORRECTIONS_QUERY, ReturnCorrection } from './quarterly-return.query';
import { lastEndedQuarter, reportArguments, returnQuarters } from './return-quarters';
import { ReturnCorrections, ReturnStatusList, SummaryText } from './return-status';
import { ReturnStepForm } from './return-step-form';

const fileName = (what: string, quarter: string, extension: string) => `${what}-${quarter.replace('/', '-').replace(' ', '-').toLowerCase()}.${extension}`;

/** The report as the API serves it: a download, since a plain link cannot carry the bearer token. */
function ReportDownloads({ answer }: { answer: QuarterlyReturn }) {
  const { token } = useSession();
  const [error, setError] = useState<GraphQLRequestError>();
  const download = (path: string, what: string, extension: string) => async () => {
    setError(undefined);
    try {
      await downloadEvidenceFile(token, path, fileName(what, answer.quarter, extension));
    } catch (e) {
      setError(e instanceof GraphQLRequestError ? e : new GraphQLRequestError(String(e), 'CLIENT'));
    }
  };
  return (
    <div className="report-downloads">
      <p>
        <button type="button" onClick={() => void download(answer.htmlDownloadPath, 'quarterly-report', 'html')()}>
          Download the {answer.quarter} report (web page)
        </button>{' '}
        <button type="button" onClick={() => void download(answer.csvDownloadPath, 'quarterly-report-actions', 'csv')()}>
          Download its actions (CSV)
        </button>{' '}
        <button type="button" onClick={() => void download(answer.returnCsvDownloadPath, 'quarterly-return', 'csv')()}>
          Download the return (CSV)
        </button>
      </p>
      {error && <ErrorMessage error={error} title="The report was not downloaded" />}
    </div>
  );
}

function Corrections({ planId, quarter }: { planId: string; quarter: string }) {
  const state = useQuery<{ quarterlyReport: { correctionsSinceSignOff: ReturnCorrection[] } }>(RETURN_CORRECTIONS_QUERY, { planId, ...reportArguments(quarter) });
  return (
    <section aria-labelledby="return-corrections-heading">
      <h2 id="return-corrections-heading">Corrections since the sign-off</h2>
      <QueryStatus state={state}>{(data) => <ReturnCorrections corrections={data.quarterlyReport.correctionsSinceSignOff} />}</QueryStatus>
    </section>
  );
}

/**
 * The DfE quarterly return for one quarter (by default the last one ended): the programme office
 * writes the executive summary and submits it, the board chair signs it off, everyone in the area
 * sees where it stands; the DfE adviser reads it.
 */
export function QuarterlyReturnPage() {
  const { plan, me, today } = useSession();
  const [quarter, setQuarter] = useState(() => lastEndedQuarter(today()));
  const [saved, setSaved] = useState<string | null>(null);
  const { asAt } = useAsAt();
  const state = useQuery<{ quarterlyReturn: QuarterlyReturn }>(QUARTERLY_RETURN_QUERY, { planId: plan.id, quarter, ...asAtArguments(asAt) });
  // Looking at the past is for reading: the forms change the return as it stands now.
  const area = plan.localArea.id;
  const can = (command: 'WriteExecutiveSummary' | 'SubmitQuarterlyReturn' | 'SignOffQuarterlyReturn') => !asAt && may(me, command, area);
  const options = returnQuarters(today()).map((q) => ({ value: q, label: describeFinancialPeriod(parseFinancialPeriod(q)!) }));

  return (
    <>
      <h1>DfE quarterly return</h1>
      <MovementTabs current="return" />
      {saved && <NotificationBanner message={saved} />}
      <form className="filters" aria-label="Quarter" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="return-quarter"
          label="Quarter"
          value={quarter}
          options={options}
          onChange={(q) => {
            setSaved(null);
            setQuarter(q);
          }}
        />
      </form>
      <QueryStatus state={state}>
        {({ quarterlyReturn: answer }) => (
          <div key={answer.quarter} className="quarterly-return">
            <section aria-labelledby="return-status-heading">
              <h2 id="return-status-heading">Where the {answer.quarter} return stands</h2>
              <ReturnStatusList answer={answer} />
              <ReportDownloads answer={answer} />
            </section>
            <section aria-labelledby="return-summary-text-heading">
              <h2 id="return-summary-text-heading">Executive summary</h2>
              {answer.executiveSummary ? <SummaryText text={answer.executiveSummary.text} /> : <p>No executive summary has been written for {answer.quarter}.</p>}
              {answer.executiveSummary?.correctionReason && <p className="secondary">Corrected after sign-off: {answer.executiveSummary.correctionReason}</p>}
            </section>
            {can('WriteExecutiveSummary') && <ExecutiveSummaryForm planId={plan.id} answer={answer} onDone={state.reload} onSaved={setSaved} />}
            {answer.status === 'DRAFT' && can('SubmitQuarterlyReturn') && <ReturnStepForm step="submit" planId={plan.id} answer={answer} onDone={state.reload} onSaved={setSaved} />}
            {answer.status === 'SUBMITTED' && can('SignOffQuarterlyReturn') && <ReturnStepForm step="signOff" planId={plan.id} answer={answer} onDone={state.reload} onSaved={setSaved} />}
            {answer.status === 'SIGNED_OFF' && !asAt && <Corrections planId={plan.id} quarter={answer.quarter} />}
          </div>
        )}
      </QueryStatus>
    </>
  );
}
