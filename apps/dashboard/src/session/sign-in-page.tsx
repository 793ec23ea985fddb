import { useEffect, useState } from 'react';
import { EmailLinkForm } from './email-link-form';
import { loadSignInOptions, SignInOptions } from './sign-in-options';
import { TokenForm } from './token-form';

/**
 * There is no password here. In the embedded mode people ask for a sign-in link by e-mail; a
 * pasted access token (from the identity provider, or `npm run token`) works in every mode.
 */
export function SignInPage({ onToken, problem, tokenFormOpen = false }: { onToken(token: string): void; problem?: string; tokenFormOpen?: boolean }) {
  const [options, setOptions] = useState<SignInOptions | null>(null);

  useEffect(() => {
    let current = true;
    void loadSignInOptions().then((answer) => current && setOptions(answer));
    return () => {
      current = false;
    };
  }, []);

  return (
    <main id="main" className="sign-in">
      <h1>SEND Improvement Board dashboard</h1>
      {problem && (
        <div className="error-message" role="alert">
          <p className="error-title">Not signed in</p>
          <p>{problem}</p>
        </div>
      )}
      {options === null ? (
        <p role="status">Loading the ways to sign in…</p>
      ) : options.emailLink ? (
        <>
          <p>Enter the e-mail address the programme office has for you, and we will send you a link to sign in.</p>
          <EmailLinkForm />
          <details className="token-sign-in" open={tokenFormOpen}>
            <summary>Sign in with an access token</summary>
            <TokenForm onToken={onToken} />
            <p className="secondary">
              Running the tracker yourself? <code>npm run token -- --user board-chair</code> prints a token and a sign-in link.
            </p>
          </details>
        </>
      ) : (
        <>
          <p>Sign in with your access token, or open the sign-in link you were given.</p>
          <TokenForm onToken={onToken} />
        </>
      )}
    </main>
  );
}
