import { useCallback, useEffect, useState } from 'react';
import { GraphQLRequestError, requestGraphQL } from './api/graphql-client';
import { MeAnswer, ME_QUERY } from './session/me.query';
import { Session, SessionContext } from './session/session-context';
import { redeemSignInCode, SignInRequestError } from './session/sign-in-link-client';
import { SignInPage } from './session/sign-in-page';
import { takeSignInCodeFromAddress, takeTokenFromAddress, tokenStore } from './session/token-store';
import { SignedInApp } from './shell/signed-in-app';

type State = { kind: 'checking' } | { kind: 'signed-out'; problem?: string; tokenFormOpen?: boolean } | { kind: 'signed-in'; session: Session };

/** Signs in by asking the API who the token belongs to; everything else needs that answer. */
export function App() {
  const [state, setState] = useState<State>({ kind: 'checking' });

  const signOut = useCallback(() => {
    tokenStore.clear();
    setState({ kind: 'signed-out' });
  }, []);

  const signIn = useCallback(
    async (token: string) => {
      setState({ kind: 'checking' });
      try {
        const { me, plans } = await requestGraphQL<MeAnswer>(token, ME_QUERY);
        if (plans.length === 0) {
          tokenStore.clear();
          setState({ kind: 'signed-out', problem: `You are signed in as ${me.displayName}, but you hold no role in any plan. Ask the programme office for access.` });
          return;
        }
        tokenStore.set(token);
        setState({ kind: 'signed-in', session: { token, me, plan: plans[0], signOut } });
      } catch (error) {
        tokenStore.clear();
        const why = error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED' ? 'That token is not valid here: it may have expired, or be for another tracker.' : String((error as Error).message);
        setState({ kind: 'signed-out', problem: why, tokenFormOpen: true });
      }
    },
    [signOut],
  );

  /** An e-mailed link's code is handed in once for a session token; a used or expired one says so. */
  const redeem = useCallback(
    async (code: string) => {
      try {
        const { token } = await redeemSignInCode(code);
        await signIn(token);
      } catch (error) {
        tokenStore.clear();
        setState({ kind: 'signed-out', problem: error instanceof SignInRequestError ? error.message : String(error) });
      }
    },
    [signIn],
  );

  useEffect(() => {
    const code = takeSignInCodeFromAddress();
    if (code) {
      void redeem(code);
      return;
    }
    takeTokenFromAddress();
    const token = tokenStore.get();
    if (token) void signIn(token);
    else setState({ kind: 'signed-out' });
  }, [signIn, redeem]);

  if (state.kind === 'checking') return <p className="page-message" role="status">Signing in…</p>;
  if (state.kind === 'signed-out') return <SignInPage onToken={(t) => void signIn(t)} problem={state.problem} tokenFormOpen={state.tokenFormOpen} />;
  return (
    <SessionContext.Provider value={state.session}>
      <SignedInApp />
    </SessionContext.Provider>
  );
}
