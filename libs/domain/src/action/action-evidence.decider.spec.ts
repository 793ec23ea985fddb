import { InvalidValueError } from '../shared/domain-error';
import { AttachEvidence, ActionCommand, ReviewEvidence } from './action.commands';
import { ActionEvent } from './action.events';
import {
  ActionClosedError,
  ActionNotOpenError,
  CompletionNeedsAcceptedEvidenceError,
  EvidenceAlreadyExistsError,
  EvidenceAlreadyReviewedError,
  EvidenceNotFoundError,
  ProgressOutOfOrderError,
} from './action.errors';
import { EvidenceKind } from './rag-status';
import { EvidenceFile } from './evidence-file';
import { refusal } from '../shared/refusal.fixture';
import { given, when } from './action.fixture';

const actionId = 'action-4-3';
const added: ActionEvent = {
  type: 'ActionAdded',
  data: {
    actionId,
    planId: 'plan-1',
    ref: '4.3',
    areaNumber: 4,
    priorityNumbers: [1],
    title: 'Ordinarily Available Provision toolkit and graduated approach',
    description: 'OAP toolkit (£215k) led by a seconded school leader.',
    intendedImpact: 'More needs met in mainstream without an EHCP.',
    owner: { ownerId: 'owner-send-ap-lead', name: 'Jo Evans', role: 'SEND and AP Lead', organisation: 'Council' },
    leadOrganisation: 'Council',
    dueDate: '2026-03-31',
  },
};
const reportedGreen: ActionEvent = {
  type: 'ProgressReported',
  data: { actionId, rag: 'GREEN', previousRag: 'NOT_YET_RATED', commentary: 'Toolkit launched to all schools', asAt: '2026-01-14' },
};
const attached = (evidenceId: string, title = 'Toolkit launch pack'): ActionEvent => ({
  type: 'EvidenceAttached',
  data: { actionId, evidenceId, kind: 'ACTIVITY', title, link: 'https://example.org/oap-toolkit', documentReference: null, submittedBy: 'Jo Evans', file: null },
});
const accepted = (evidenceId: string): ActionEvent => ({ type: 'EvidenceAccepted', data: { actionId, evidenceId } });
const rejected = (evidenceId: string): ActionEvent => ({
  type: 'EvidenceRejected',
  data: { actionId, evidenceId, reason: 'Shows launch, not take-up' },
});
const completed: ActionEvent = { type: 'ActionCompleted', data: { actionId, commentary: 'Delivered', asAt: '2026-03-11', previousRag: 'GREEN' } };
const withdrawn: ActionEvent = { type: 'ActionWithdrawn', data: { actionId, reason: 'Merged into 4.1' } };
const superseded: ActionEvent = {
  type: 'ActionSuperseded',
  data: { actionId, supersededByActionId: 'action-4-1', supersededByRef: '4.1', reason: 'Merged into 4.1' },
};

describe('AttachEvidence', () => {
  const attach = (data: Partial<AttachEvidence['data']> = {}): AttachEvidence => ({
    type: 'AttachEvidence',
    data: { actionId, evidenceId: 'ev-1', kind: 'ACTIVITY', title: 'Toolkit launch pack', submittedBy: 'Jo Evans', ...data },
  });

  it('emits EvidenceAttached with a trimmed link and a null document reference', () => {
    expect(when(attach({ link: ' https://example.org/oap-toolkit ' }), given([added]))).toEqual([
      {
        type: 'EvidenceAttached',
        data: {
          actionId,
          evidenceId: 'ev-1',
          kind: 'ACTIVITY',
          title: 'Toolkit launch pack',
          link: 'https://example.org/oap-toolkit',
          documentReference: null,
          submittedBy: 'Jo Evans',
          file: null,
        },
      },
    ]);
  });

  const toolkitPdf: EvidenceFile = {
    sha256: 'a3f1c2'.padEnd(64, '0'),
    size: 48_213,
    contentType: 'application/pdf',
    originalName: 'OAP toolkit launch.pdf',
  };

  it('records an uploaded file with its hash, size, type and name, needing no link', () => {
    const [event] = when(attach({ file: { ...toolkitPdf, originalName: ' OAP toolkit launch.pdf ' } }), given([added]));
    expect(event.data).toMatchObject({ link: null, documentReference: null, file: toolkitPdf });
  });

  it.each([
    ['a hash that is not SHA-256', { sha256: 'abc123' }, 'file.sha256', 'isSha256'],
    ['an upper-case hash', { sha256: 'A'.repeat(64) }, 'file.sha256', 'isSha256'],
    ['an empty file', { size: 0 }, 'file.size', 'isPositiveInteger'],
    ['a fractional size', { size: 1.5 }, 'file.size', 'isPositiveInteger'],
    ['a blank name', { originalName: ' ' }, 'file.originalName', 'required'],
    ['a blank content type', { contentType: '' }, 'file.contentType', 'required'],
  ])('refuses a file with %s', (_case, change, field, rule) => {
    const error = refusal(() => when(attach({ file: { ...toolkitPdf, ...change } }), given([added])));
    expect(error).toMatchObject({ kind: 'invalid', field, rule });
  });

  it('accepts impact evidence with only a document reference', () => {
    const [event] = when(attach({ kind: 'IMPACT', link: '  ', documentReference: 'SIB-2025-09 item 6' }), given([added]));
    expect(event.data).toMatchObject({ kind: 'IMPACT', link: null, documentReference: 'SIB-2025-09 item 6' });
  });

  it('trims the document reference', () => {
    const [event] = when(attach({ documentReference: '  SIB-2025-09 item 6 ' }), given([added]));
    expect(event.data).toMatchObject({ link: null, documentReference: 'SIB-2025-09 item 6' });
  });

  it.each([
    ['neither', {}],
    ['only blanks', { link: ' ', documentReference: '' }],
    ['a blank document reference', { documentReference: '   ' }],
  ])('refuses evidence with %s for link and document reference', (_case, where) => {
    const error = refusal(() => when(attach(where), given([added])));
    expect(error).toBeInstanceOf(InvalidValueError);
    expect(error).toMatchObject({ kind: 'invalid', field: 'link', rule: 'linkOrDocumentReference' });
  });

  it.each(['javascript:alert(document.cookie)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'file:///etc/passwd', 'ftp://council.example/x', 'council.example/papers', 'https://'])(
    'refuses %j as a link: only web addresses open with a click',
    (link) => {
      expect(refusal(() => when(attach({ link }), given([added])))).toMatchObject({ kind: 'invalid', field: 'link', rule: 'isWebLink' });
    },
  );

  it('accepts http as well as https links', () => {
    const [event] = when(attach({ link: 'http://intranet.council.example/sib' }), given([added]));
    expect(event.data).toMatchObject({ link: 'http://intranet.council.example/sib' });
  });

  it('refuses a kind other than ACTIVITY or IMPACT', () => {
    expect(refusal(() => when(attach({ kind: 'OUTCOME' as EvidenceKind, link: 'https://x' }), given([added])))).toMatchObject({
      kind: 'invalid',
      field: 'kind',
      rule: 'isIn:ACTIVITY,IMPACT',
    });
  });

  it.each(['title', 'submittedBy'] as const)('refuses a blank %s', (field) => {
    expect(refusal(() => when(attach({ link: 'https://x', [field]: ' ' }), given([added])))).toMatchObject({
      kind: 'invalid',
      field,
      rule: 'required',
    });
  });

  it('refuses an evidence id already on the action', () => {
    const error = refusal(() => when(attach({ link: 'https://x' }), given([added, attached('ev-1')])));
    expect(error).toBeInstanceOf(EvidenceAlreadyExistsError);
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'evidenceIdUnique' });
  });

  it('is allowed on a complete action, because impact often shows after delivery', () => {
    const history = [added, reportedGreen, attached('ev-1'), accepted('ev-1'), completed];
    expect(when(attach({ evidenceId: 'ev-2', kind: 'IMPACT', link: 'https://x' }), given(history))[0].type).toBe('EvidenceAttached');
  });

  it.each([
    ['withdrawn', withdrawn],
    ['superseded', superseded],
  ])('refuses on a %s action', (_status, closing) => {
    const error = refusal(() => when(attach({ link: 'https://x' }), given([added, closing])));
    expect(error).toBeInstanceOf(ActionClosedError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'actionNotClosed' });
  });
});

describe('ReviewEvidence', () => {
  const review = (decision: string, reason?: string, evidenceId = 'ev-1'): ReviewEvidence => ({
    type: 'ReviewEvidence',
    data: { actionId, evidenceId, decision: decision as ReviewEvidence['data']['decision'], reason },
  });

  it('emits EvidenceAccepted on accept', () => {
    expect(when(review('ACCEPT'), given([added, attached('ev-1')]))).toEqual([{ type: 'EvidenceAccepted', data: { actionId, evidenceId: 'ev-1' } }]);
  });

  it('emits EvidenceRejected with the trimmed reason on reject', () => {
    expect(when(review('REJECT', ' Shows launch, not take-up '), given([added, attached('ev-1')]))).toEqual([
      { type: 'EvidenceRejected', data: { actionId, evidenceId: 'ev-1', reason: 'Shows launch, not take-up' } },
    ]);
  });

  it.each([undefined, '  '])('refuses a reject with reason %p', (reason) => {
    expect(refusal(() => when(review('REJECT', reason), given([added, attached('ev-1')])))).toMatchObject({
      kind: 'invalid',
      field: 'reason',
      rule: 'required',
    });
  });

  it('refuses a decision other than ACCEPT or REJECT', () => {
    expect(refusal(() => when(review('DEFER'), given([added, attached('ev-1')])))).toMatchObject({
      kind: 'invalid',
      field: 'decision',
      rule: 'isIn:ACCEPT,REJECT',
    });
  });

  it('refuses unknown evidence', () => {
    const error = refusal(() => when(review('ACCEPT', undefined, 'ev-9'), given([added, attached('ev-1')])));
    expect(error).toBeInstanceOf(EvidenceNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'evidenceExists' });
  });

  it.each([
    ['accepted', accepted('ev-1')],
    ['rejected', rejected('ev-1')],
  ])('refuses evidence that was already %s', (outcome, reviewed) => {
    const error = refusal(() => when(review('ACCEPT'), given([added, attached('ev-1'), reviewed])));
    expect(error).toBeInstanceOf(EvidenceAlreadyReviewedError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'evidencePending' });
    expect(error.message).toContain(outcome);
  });

  it('is allowed on a complete action', () => {
    const history = [added, reportedGreen, attached('ev-1'), accepted('ev-1'), completed, attached('ev-2', 'Take-up survey')];
    expect(when(review('ACCEPT', undefined, 'ev-2'), given(history))[0].type).toBe('EvidenceAccepted');
  });

  it('refuses on a withdrawn action', () => {
    expect(refusal(() => when(review('ACCEPT'), given([added, attached('ev-1'), withdrawn])))).toBeInstanceOf(ActionClosedError);
  });
});

describe('MarkComplete', () => {
  const markComplete = (asAt = '2026-03-11', commentary = 'Toolkit in use across all phases'): ActionCommand => ({
    type: 'MarkComplete',
    data: { actionId, commentary, asAt },
  });

  it.each([
    ['no evidence', [added, reportedGreen]],
    ['only pending evidence', [added, reportedGreen, attached('ev-1')]],
    ['only rejected evidence', [added, reportedGreen, attached('ev-1'), rejected('ev-1')]],
  ])('refuses with %s, because Blue needs accepted evidence', (_case, history) => {
    const error = refusal(() => when(markComplete(), given(history)));
    expect(error).toBeInstanceOf(CompletionNeedsAcceptedEvidenceError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'acceptedEvidenceBeforeBlue' });
  });

  it('given accepted evidence, emits ActionCompleted carrying the rating before completion', () => {
    const history = [added, reportedGreen, attached('ev-1'), rejected('ev-1'), attached('ev-2'), accepted('ev-2')];
    expect(when(markComplete('2026-03-11', ' Toolkit in use across all phases '), given(history))).toEqual([
      { type: 'ActionCompleted', data: { actionId, commentary: 'Toolkit in use across all phases', asAt: '2026-03-11', previousRag: 'GREEN' } },
    ]);
  });

  it('leaves the action BLUE and COMPLETE once folded', () => {
    const history = [added, reportedGreen, attached('ev-1'), accepted('ev-1')];
    const state = given([...history, ...when(markComplete(), given(history))]);
    expect(state).toMatchObject({ status: 'COMPLETE', rag: 'BLUE', ragBeforeCompletion: 'GREEN', lastAsAt: '2026-03-11' });
  });

  it('refuses blank commentary and an asAt in the future', () => {
    const ready = given([added, reportedGreen, attached('ev-1'), accepted('ev-1')]);
    expect(refusal(() => when(markComplete('2026-03-11', ''), ready))).toMatchObject({ field: 'commentary', rule: 'required' });
    expect(refusal(() => when(markComplete('2026-06-02'), ready))).toMatchObject({ field: 'asAt', rule: 'notInFuture' });
  });

  it('refuses an asAt earlier than the last progress report, so the RAG history never runs backwards', () => {
    const error = refusal(() => when(markComplete('2026-01-13'), given([added, reportedGreen, attached('ev-1'), accepted('ev-1')])));
    expect(error).toBeInstanceOf(ProgressOutOfOrderError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'asAtNotBeforeLastUpdate' });
  });

  it('accepts an asAt on the day of the last progress report', () => {
    const history = [added, reportedGreen, attached('ev-1'), accepted('ev-1')];
    expect(when(markComplete('2026-01-14'), given(history))[0].data).toMatchObject({ asAt: '2026-01-14' });
  });

  it.each([
    ['complete', completed],
    ['withdrawn', withdrawn],
  ])('refuses on a %s action', (_status, closing) => {
    const error = refusal(() => when(markComplete(), given([added, reportedGreen, attached('ev-1'), accepted('ev-1'), closing])));
    expect(error).toBeInstanceOf(ActionNotOpenError);
    expect(error).toMatchObject({ kind: 'rule_violation', rule: 'actionOpen' });
  });
});
