import { FormEvent, useState } from 'react';
import { requestSignInLink, SignInRequestError } from './sign-in-link-client';

type State = { kind: 'asking'; problem?: string } | { kind: 'sending' } | { kind: 'sent'; email: string; message: string };

/** Ask for a one-time sign-in link by e-mail; the answer is the same whether or not the address is known. */
export function EmailLinkForm() {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<State>({ kind: 'asking' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'sending' });
    try {
      const { message } = await requestSignInLink(email.trim());
      setState({ kind: 'sent', email: email.trim(), message });
    } catch (error) {
      setState({ kind: 'asking', problem: error instanceof SignInRequestError ? error.message : String(error) });
    }
  }

  if (state.kind === 'sent') {
    return (
      <div className="sign-in-sent" role="status">
        <h2>Check your e-mail</h2>
        <p>{state.message}</p>
        <p>
          Open the link in the e-mail to <strong>{state.email}</strong> to sign in. It works once, and only for a few minutes.
        </p>
        <p className="secondary">
          Nothing arrived? Look in your junk mail folder, or{' '}
          <button type="button" className="link-button" onClick={() => setState({ kind: 'asking' })}>
            ask for another link
          </button>
          .
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      {state.kind === 'asking' && state.problem && (
        <div className="error-message" role="alert">
          <p className="error-title">No link sent</p>
          <p>{state.problem}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="sign-in-email">E-mail address</label>
        <input id="sign-in-email" type="email" required maxLength={254} autoComplete="email" spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <button type="submit" disabled={state.kind === 'sending'}>
        E-mail me a sign-in link
      </button>
    </form>
  );
}
