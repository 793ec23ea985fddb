import { FormEvent, useState } from 'react';
import type { PlanDecisionKind } from '@send/domain';
import { useChange } from '../shared/use-change';
import { useFormErrors } from '../shared/use-form-errors';
import { ErrorMessage } from '../shared/error-message';
import { ErrorSummary } from '../shared/error-summary';
import { errorFor, FieldMap, FormError } from '../shared/field-errors';
import { SelectField } from '../shared/select-field';
import { TextField } from '../shared/text-field';
import type { AgendaRisk } from './agenda.query';
import { DECISION_KIND_WORDS, RECORD_PLAN_DECISION, RecordPlanDecisionAnswer, RISK_ONLY_KINDS } from './meeting-record';

const PLAN = 'PLAN';

// The API's field names, the control each is chosen or typed in, and plainer words for the refusals the board can meet.
const FIELDS: FieldMap = {
  riskId: { targetId: 'decision-subject' },
  kind: { targetId: 'decision-kind', messages: { riskOnlyKind: 'Risk tolerated and Further mitigation are decisions about a risk: choose the risk it is about' } },
  summary: { targetId: 'decision-summary', messages: { isNotEmpty: 'Enter what the board decided' } },
};

/** A decision the board minutes about the plan as a whole or one of its escalated risks, at an open meeting. */
export function RecordPlanDecisionForm({ meetingId, risks, onDone, onSaved }: { meetingId: string; risks: AgendaRisk[]; onDone(): void; onSaved(message: string | null): void }) {
  const change = useChange<RecordPlanDecisionAnswer>(RECORD_PLAN_DECISION, onDone);
  const [subject, setSubject] = useState(PLAN);
  const [kind, setKind] = useState<PlanDecisionKind>('AGREED');
  const [summary, setSummary] = useState('');
  const { errors, refusal, found: show, refused } = useFormErrors(FIELDS, 'decision-subject');
  const risk = risks.find((r) => r.risk.id === subject)?.risk;
  const kinds = (Object.keys(DECISION_KIND_WORDS) as PlanDecisionKind[]).filter((k) => risk || !RISK_ONLY_KINDS.includes(k));

  async function submit(event: FormEvent) {
    event.preventDefault();
    onSaved(null);
    const found: FormError[] = [];
    if (summary.trim() === '') found.push({ field: 'summary', targetId: FIELDS.summary.targetId, message: 'Enter what the board decided' });
    if (!risk && RISK_ONLY_KINDS.includes(kind)) found.push({ field: 'kind', targetId: FIELDS.kind.targetId, message: FIELDS.kind.messages!.riskOnlyKind });
    show(found);
    if (found.length > 0) return;
    const input = risk ? { meetingId, subjectKind: 'RISK', riskId: risk.id, kind, summary } : { meetingId, subjectKind: 'PLAN', kind, summary };
    const outcome = await change.send({ input });
    if (outcome.error) return refused(outcome.error);
    setSummary('');
    onSaved(`Decision recorded about ${risk ? `risk ${risk.ref}` : 'the plan'}: ${DECISION_KIND_WORDS[kind]}, ${summary.trim()}`);
  }

  return (
    <form className="change-form" aria-labelledby="record-decision-heading" onSubmit={submit} noValidate data-edit-control="record-plan-decision">
      <h3 id="record-decision-heading">Record a decision</h3>
      <ErrorSummary errors={errors} />
      <SelectField
        id="decision-subject"
        label="What it is about"
        value={subject}
        options={[{ value: PLAN, label: 'The plan as a whole' }, ...risks.map(({ risk: r }) => ({ value: r.id, label: `Risk ${r.ref}: ${r.title}` }))]}
        error={errorFor(errors, 'riskId')}
        onChange={setSubject}
      />
      <SelectField id="decision-kind" label="Decision" value={kind} options={kinds.map((k) => ({ value: k, label: DECISION_KIND_WORDS[k] }))} error={errorFor(errors, 'kind')} onChange={(k) => setKind(k as PlanDecisionKind)} />
      <TextField id="decision-summary" label="What the board decided" rows={3} value={summary} error={errorFor(errors, 'summary')} onChange={setSummary} />
      {refusal && <ErrorMessage error={refusal} title="The decision was not recorded" />}
      <button type="submit" disabled={change.sending}>
        {change.sending ? 'Saving…' : 'Record the decision'}
      </button>
    </form>
  );
}
