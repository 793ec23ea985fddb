import type { GraphQLRequestError } from '../api/graphql-client';
import { useSession } from '../session/session-context';

const HINTS: Record<string, string> = {
  FORBIDDEN: 'Your role does not allow this change.',
  CONFLICT: 'Someone changed this since you opened it. The page now shows the latest; check it and send your change again.',
  NOT_FOUND: 'It does not exist, or it is in a local area you have no role in.',
  SERVICE_UNAVAILABLE: 'The tracker could not store or read this just now; nothing was written. Try again in a moment.',
};

/**
 * A refusal because the recorded history does not verify: a change is paused until the programme
 * office acknowledges the break; a read is refused because its answer would rest on the altered event.
 */
function historyBrokenHint(error: GraphQLRequestError): string {
  return error.extensions.refused === 'READ'
    ? 'This cannot be shown because it rests on part of the recorded history that no longer verifies. Contact your programme office: the history must be restored from a backup that verifies.'
    : 'Changes are paused because the recorded history does not verify, so nothing was changed. Contact your programme office: once they acknowledge the break, changes can be made again.';
}

/** Says what went wrong in the API's own words, with what to do next. */
export function ErrorMessage({ error, title = 'That did not work' }: { error: GraphQLRequestError; title?: string }) {
  const { signOut } = useSession();
  const fields = (error.extensions.validationErrors as { field: string; message: string }[] | undefined) ?? [];
  return (
    <div className="error-message" role="alert">
      <p className="error-title">{title}</p>
      <p>{error.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f.field + f.message}>
              {f.field}: {f.message}
            </li>
          ))}
        </ul>
      )}
      {HINTS[error.code] && <p>{HINTS[error.code]}</p>}
      {error.code === 'HISTORY_BROKEN' && <p data-testid="history-broken-hint">{historyBrokenHint(error)}</p>}
      {error.code === 'UNAUTHENTICATED' && (
        <p>
          Your sign-in has expired or is not valid here.{' '}
          <button type="button" onClick={signOut}>
            Sign in again
          </button>
        </p>
      )}
    </div>
  );
}
