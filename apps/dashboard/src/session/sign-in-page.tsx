import { FormEvent, useState } from 'react';

/**
 * Sign in with the organisation's account when the api offers it; otherwise, or as well, paste a
 * bearer token or open a sign-in link. There is no password here: tokens come from the identity
 * provider, or in the embedded mode from `npm run token -- --user <id>`.
 */
export function SignInPage({ onToken, onOrganisationSignIn, problem }: { onToken(token: string): void; onOrganisationSignIn?: () => void; problem?: string }) {
  const [token, setToken] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, '');
    if (trimmed) onToken(trimmed);
  }

  const pasteForm = (
    <form onSubmit={submit}>
      <div className="field">
        <label htmlFor="sign-in-token">Access token</label>
        <textarea id="sign-in-token" rows={4} required spellCheck={false} autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </div>
      <button type="submit">Sign in</button>
    </form>
  );

  return (
    <main id="main" className="sign-in">
      <h1>SEND Improvement Board dashboard</h1>
      {problem && (
        <div className="error-message" role="alert">
          <p className="error-title">Not signed in</p>
          <p>{problem}</p>
        </div>
      )}
      {onOrganisationSignIn ? (
        <>
          <p>Sign in with the account you use for work.</p>
          <button type="button" className="primary" onClick={onOrganisationSignIn}>
            Sign in with your organisation account
          </button>
          <details className="other-sign-in">
            <summary>Sign in with an access token instead</summary>
            {pasteForm}
          </details>
        </>
      ) : (
        <>
          <p>Sign in with your access token, or open the sign-in link you were given.</p>
          {pasteForm}
          <p className="secondary">
            Running the tracker yourself? <code>npm run token -- --user board-chair</code> prints a token and a sign-in link.
          </p>
        </>
      )}
    </main>
  );
}
