import { useId, useState } from 'react';
import type { GraphQLRequestError } from '../api/graphql-client';
import { useChange } from '../shared/use-change';
import { may } from '../session/permissions';
import { useSession } from '../session/session-context';
import { ErrorMessage } from '../shared/error-message';
import { AgendaFollowUp, COMPLETE_FOLLOW_UP, DROP_FOLLOW_UP, UPDATE_FOLLOW_UP } from './agenda.query';

/**
 * A note on one follow-up, sent as progress, as done, or (the board only) as dropped; shown to
 * whoever the access policy lets change it: the board and the owner it names (anyone linked to them).
 */
export function FollowUpNoteForm({ followUp, onDone }: { followUp: AgendaFollowUp; onDone(): void }) {
  const { me, plan } = useSession();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<GraphQLRequestError>();
  const update = useChange(UPDATE_FOLLOW_UP, onDone);
  const complete = useChange(COMPLETE_FOLLOW_UP, onDone);
  const drop = useChange(DROP_FOLLOW_UP, onDone);
  // The owner it names by id, as an action's owner; one minuted as text named a user, recognised as a delegate is.
  const named = { owner: followUp.owner.id ? { id: followUp.owner.id } : undefined, delegates: followUp.owner.userId ? [{ userId: followUp.owner.userId }] : [] };
  const area = plan.localArea.id;
  if (!may(me, 'UpdateFollowUp', area, named)) return null;
  const sending = update.sending || complete.sending || drop.sending;
  const send = async (change: typeof update) => {
    const outcome = await change.send({ input: { followUpId: followUp.id, note } });
    setError(outcome.error);
    if (!outcome.error) setNote('');
  };
  return (
    <details className="follow-up-note">
      <summary>Note, done or drop</summary>
      <form onSubmit={(e) => e.preventDefault()}>
        {error && <ErrorMessage error={error} />}
        <label htmlFor={id}>Note</label>
        <textarea id={id} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="button" disabled={sending} onClick={() => void send(update)}>
          Add the note
        </button>{' '}
        <button type="button" disabled={sending} onClick={() => void send(complete)}>
          Mark done
        </button>{' '}
        {may(me, 'DropFollowUp', area) && (
          <button type="button" disabled={sending} onClick={() => void send(drop)}>
            Drop it
          </button>
        )}
      </form>
    </details>
  );
}
