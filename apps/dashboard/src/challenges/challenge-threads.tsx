import { useId, useState } from 'react';
import { useQuery } from '../api/use-query';
import { asAtArguments, useAsAt } from '../as-at/as-at-context';
import { useChange } from '../shared/use-change';
import { ActionOwnership, may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { ukDateTime } from '../shared/uk-dates';
import { ErrorMessage } from '../shared/error-message';
import { QueryStatus } from '../shared/query-status';
import { ANSWER_CHALLENGE, CHALLENGES_QUERY, ChallengeThread, FOLLOW_UP_CHALLENGE, RAISE_CHALLENGE, RESOLVE_CHALLENGE, STATUS_WORDS } from './challenges.query';
import type { GraphQLRequestError } from '../api/graphql-client';

const KIND_WORDS = { QUESTION: 'Question', ANSWER: 'Answer', RESOLUTION: 'Resolved' } as const;

/** One box and one button: a question, an answer or a follow-up, sent and then cleared. */
function TextReply({ label, button, onSend }: { label: string; button: string; onSend(text: string): Promise<GraphQLRequestError | undefined> }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<GraphQLRequestError>();
  const [sending, setSending] = useState(false);
  return (
    <form
      className="thread-reply"
      onSubmit={async (e) => {
        e.preventDefault();
        setSending(true);
        const refused = await onSend(text);
        setSending(false);
        setError(refused);
        if (!refused) setText('');
      }}
    >
      {error && <ErrorMessage error={error} />}
      <label htmlFor={id}>{label}</label>
      {/* Marked apart from the plan's edit controls: a question changes nothing in the plan, so the DfE adviser gets this one. */}
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} data-challenge-turn="" />
      <button type="submit" disabled={sending}>
        {button}
      </button>
    </form>
  );
}

/**
 * The board's challenge threads about one action or risk: every turn in order, and the turn this person
 * may take now (the board and the DfE adviser ask, the owner answers, the board resolves).
 * Looking at the past shows the threads as they stood then (the as-at controls' meeting or date) and no controls.
 */
export function ChallengeThreads({ subject, live }: { subject: ActionOwnership & { id: string; kind: 'ACTION' | 'RISK' }; live: boolean }) {
  const noun = subject.kind === 'ACTION' ? 'action' : 'risk';
  const { me, plan } = useSession();
  const { asAt } = useAsAt();
  const state = useQuery<{ challenges: ChallengeThread[] }>(CHALLENGES_QUERY, { planId: plan.id, subjectId: subject.id, ...asAtArguments(asAt) });
  const area = plan.localArea.id;
  const raise = useChange(RAISE_CHALLENGE, state.reload);
  const answer = useChange(ANSWER_CHALLENGE, state.reload);
  const followUp = useChange(FOLLOW_UP_CHALLENGE, state.reload);
  const resolve = useChange(RESOLVE_CHALLENGE, state.reload);
  const refusal = async (sent: Promise<{ error?: GraphQLRequestError }>) => (await sent).error;
  return (
    <QueryStatus state={state}>
      {({ challenges }) => (
        <>
          {challenges.length === 0 && <p>No one has challenged this {noun}.</p>}
          <ol className="threads">
            {challenges.map((t) => (
              <li key={t.id} className="thread" data-status={t.status}>
                <p className="thread-status">
                  <strong>{STATUS_WORDS[t.status]}</strong>
                </p>
                <ol className="thread-messages">
                  {t.messages.map((m, i) => (
                    <li key={i}>
                      <span className="secondary">
                        {KIND_WORDS[m.kind]} from {m.byName ?? 'someone'}, <time dateTime={m.at}>{ukDateTime(m.at)}</time>:
                      </span>{' '}
                      {m.text ?? ''}
                    </li>
                  ))}
                </ol>
                {live && t.status === 'AWAITING_ANSWER' && may(me, 'AnswerChallenge', area, subject) && (
                  <TextReply label="Your answer" button="Send answer" onSend={(text) => refusal(answer.send({ input: { challengeId: t.id, answer: text } }))} />
                )}
                {live && t.status === 'ANSWERED' && may(me, 'FollowUpChallenge', area) && (
                  <TextReply label="A further question" button="Ask again" onSend={(text) => refusal(followUp.send({ input: { challengeId: t.id, question: text } }))} />
                )}
                {live && t.status !== 'RESOLVED' && may(me, 'ResolveChallenge', area) && (
                  <button type="button" onClick={() => void resolve.send({ input: { challengeId: t.id } })} disabled={resolve.sending}>
                    Mark resolved
                  </button>
                )}
              </li>
            ))}
          </ol>
          {live && may(me, 'RaiseChallenge', area) && (
            <TextReply label={`Ask a question about this ${noun}`} button="Ask the question" onSend={(text) => refusal(raise.send({ input: { planId: plan.id, subjectKind: subject.kind, subjectId: subject.id, question: text } }))} />
          )}
        </>
      )}
    </QueryStatus>
  );
}
