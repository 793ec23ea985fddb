import { ReactNode, useState } from 'react';
import { may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { NotificationBanner } from '../shared/notification-banner';
import type { Agenda } from './agenda.query';
import { RaiseFollowUpForm } from './raise-follow-up-form';
import { RecordPlanDecisionForm } from './record-plan-decision-form';

/**
 * The agenda with, for the board while its meeting is open and the plan is shown live, the forms
 * that record a decision and ask for a follow-up; what was saved is said at the top until the
 * next change or another meeting.
 */
export function RecordAtMeeting({ agenda, live, reload, children }: { agenda: Agenda; live: boolean; reload(): void; children: ReactNode }) {
  const { me, plan } = useSession();
  const [saved, setSaved] = useState<string | null>(null);
  const area = plan.localArea.id;
  const open = live && !agenda.meeting.closed;
  const decide = open && may(me, 'RecordPlanDecision', area);
  const ask = open && may(me, 'RaiseFollowUp', area);
  return (
    <>
      {saved && <NotificationBanner message={saved} />}
      {children}
      {(decide || ask) && (
        <section aria-labelledby="record-at-meeting-heading" className="record-at-meeting">
          <h2 id="record-at-meeting-heading">Record at this meeting</h2>
          {decide && <RecordPlanDecisionForm meetingId={agenda.meeting.id} risks={agenda.escalatedRisks} onDone={reload} onSaved={setSaved} />}
          {ask && <RaiseFollowUpForm meetingId={agenda.meeting.id} onDone={reload} onSaved={setSaved} />}
        </section>
      )}
    </>
  );
}
