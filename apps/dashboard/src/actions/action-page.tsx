import { useEffect, useState } from 'react';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { href } from '../routing/use-route';
import { may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { QueryStatus } from '../shared/query-status';
import { RagBadge } from '../shared/rag-badge';
import { ACTION_QUERY, ActionDetail } from './action.query';
import { ActionMoney } from './action-money';
import { ActionTimeline } from './action-timeline';
import { ChallengeThreads } from '../challenges/challenge-threads';
import { ActionDependencies } from '../dependencies/action-dependencies';
import { ActionRisks } from '../risks/action-risks';
import { AttachEvidenceForm } from './attach-evidence-form';
import { EvidenceList } from './evidence-list';
import { MilestoneTable } from './milestone-table';
import { ReportProgressForm } from './report-progress-form';
import { DeliveryConfidenceSection } from './delivery-confidence-section';
import { DateText } from '../shared/date-text';
import { NotificationBanner } from '../shared/notification-banner';

function Details({ a }: { a: ActionDetail }) {
  return (
    <dl className="details">
      <dt>Status</dt>
      <dd>
        {a.status.toLowerCase()} {a.overdue && <span className="flag flag-overdue">overdue</span>} {a.stale && <span className="flag flag-stale">stale</span>}
      </dd>
      <dt>Owner</dt>
      <dd>
        {a.owner.name}, {a.owner.role}, {a.owner.organisation}
      </dd>
      <dt>Lead organisation</dt>
      <dd>{a.leadOrganisation}</dd>
      <dt>Due</dt>
      <dd>
        <DateText iso={a.dueDate} />
      </dd>
      <dt>Latest update</dt>
      <dd>
        {a.lastAsOfDate ? (
          <>
            as at <DateText iso={a.lastAsOfDate} />: {a.latestCommentary}
          </>
        ) : (
          'none yet'
        )}
      </dd>
      <dt>Intended impact</dt>
      <dd>{a.intendedImpact}</dd>
      {a.closingReason && (
        <>
          <dt>Closed because</dt>
          <dd>{a.closingReason}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * One action: details, milestones, evidence and timeline, and the changes this person may make.
 * Looking at the past shows no controls: history is read, not edited.
 */
export function ActionPage({ id }: { id: string }) {
  const { me, plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<{ action: ActionDetail }>(ACTION_QUERY, { id, ...asAtArguments(asAt) });
  // What the last change saved, said at the top of the page until the next change or another action.
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => setSaved(null), [id]);

  return (
    <QueryStatus state={state}>
      {({ action: a }) => {
        const live = !asAt && a.status === 'OPEN';
        const canReport = live && may(me, 'ReportProgress', plan.localArea.id, a);
        const canAttach = live && may(me, 'AttachEvidence', plan.localArea.id, a);
        const canReview = !asAt && may(me, 'ReviewEvidence', plan.localArea.id, a);
        const canRate = !asAt && (a.status === 'OPEN' || a.status === 'COMPLETE') && may(me, 'RateDeliveryConfidence', plan.localArea.id, a);
        return (
          <article className="action-page">
            {saved && <NotificationBanner message={saved} />}
            <p className="breadcrumb">
              <a href={href('/actions', { area: String(a.areaNumber) })}>Actions in area {a.areaNumber}</a>
            </p>
            <h1>
              <span className="ref">{a.ref}</span> {a.title} <RagBadge rag={a.rag} />
            </h1>
            <p className="lede">{a.description}</p>
            <Details a={a} />
            {(canReport || canAttach) && (
              <section aria-labelledby="your-update">
                <h2 id="your-update">Your update</h2>
                <div className="form-pair">
                  {canReport && <ReportProgressForm action={a} onDone={state.reload} onSaved={setSaved} />}
                  {canAttach && <AttachEvidenceForm action={a} onDone={state.reload} onSaved={setSaved} />}
                </div>
              </section>
            )}
            <DeliveryConfidenceSection action={a} canRate={canRate} onDone={state.reload} onSaved={setSaved} />
            {a.finance && <ActionMoney finance={a.finance} />}
            <section aria-labelledby="milestones">
              <h2 id="milestones">Milestones</h2>
              <MilestoneTable milestones={a.milestones} />
            </section>
            <section aria-labelledby="evidence">
              <h2 id="evidence">Evidence</h2>
              <EvidenceList action={a} canReview={canReview} onChanged={state.reload} onSaved={setSaved} />
            </section>
            <section aria-labelledby="dependencies">
              <h2 id="dependencies">Dependencies</h2>
              <ActionDependencies action={a} onSaved={setSaved} />
            </section>
            <section aria-labelledby="action-risks">
              <h2 id="action-risks">Risks</h2>
              <ActionRisks actionId={a.id} />
            </section>
            <section aria-labelledby="challenges">
              <h2 id="challenges">Challenge and response</h2>
              <ChallengeThreads subject={{ ...a, kind: 'ACTION' }} live={!asAt} />
            </section>
            <section aria-labelledby="timeline">
              <h2 id="timeline">Timeline</h2>
              <ActionTimeline actionId={a.id} firstPage={a.timelineEntries} />
            </section>
          </article>
        );
      }}
    </QueryStatus>
  );
}
