import { EmailLinkForm } from './email-link-form';
import { SignInOptions } from './sign-in-options';
import { TokenForm } from './token-form';

interface SignInPageProps {
  options: SignInOptions;
  onToken(token: string): void;
  onOrganisationSignIn(): void;
  problem?: string;
  tokenFormOpen?: boolean;
}

/**
 * There is no password here. With single sign-on people use their organisation account; in the
 * embedded mode they ask for a sign-in link by e-mail; a pasted access token (from the identity
 * provider, or `npm run token`) works in every mode.
 */
export function SignInPage({ options, onToken, onOrganisationSignIn, problem, tokenFormOpen = false }: SignInPageProps) {
  return (
    <main id="main" className="sign-in">
      <h1>SEND Improvement Board dashboard</h1>
      {problem && (
        <div className="error-message" role="alert">
          <p className="error-title">Not signed in</p>
          <p>{problem}</p>
        </div>
      )}
      {options.oidc ? (
        <>
          <p>Sign in with the account you use for work.</p>
          <button type="button" className="primary" onClick={onOrganisationSignIn}>
            Sign in with your organisation account
          </button>
          <details className="token-sign-in" open={tokenFormOpen}>
            <summary>Sign in with an access token</summary>
            <TokenForm onToken={onToken} />
          </details>
        </>
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
