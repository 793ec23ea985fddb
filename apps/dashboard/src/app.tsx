import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorResponse } from 'oidc-client-ts';
import { GraphQLRequestError, requestGraphQL } from './api/graphql-client';
import { MeAnswer, ME_QUERY } from './session/me.query';
import { NoAccessPage } from './session/no-access-page';
import { OidcSignIn, SignInRefused } from './session/oidc-sign-in';
import { ChosenPlan } from './session/chosen-plan';
import type { Session } from './session/session-context';
import { SessionEndedPage } from './session/session-ended-page';
import { trackerToday } from './session/tracker-today';
import { redeemSignInCode, SignInRequestError } from './session/sign-in-link-client';
import { loadSignInOptions, SignInOptions } from './session/sign-in-options';
import { SignInPage } from './session/sign-in-page';
import { takeSignInCodeFromAddress, takeTokenFromAddress, tokenStore } from './session/token-store';
import { SignedInApp } from './shell/signed-in-app';

type State =
  | { kind: 'checking'; message?: string }
  | { kind: 'signed-out'; problem?: string; tokenFormOpen?: boolean }
  | { kind: 'ended' }
  | { kind: 'no-access'; displayName: string }
  | { kind: 'signed-in'; session: SignedInSession };

/** What signing in settles; which of the plans is shown is ChosenPlan's. */
type SignedInSession = Omit<Session, 'plan' | 'choosePlan'>;

/** Where the token came from: pasted, a link or an e-mailed code (kept by tokenStore), or single sign-on (kept by oidc-client-ts). */
type Source = 'token' | 'oidc';

/**
 * Signs in by asking the API who the token belongs to; everything else needs that answer. With
 * single sign-on configured, the organisation's provider comes first and renews the token in place.
 */
export function App() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  // Set once the api has said whether single sign-on is offered; read by the callbacks when they run.
  const sso = useRef<OidcSignIn | undefined>(undefined);
  const [oidc, setOidc] = useState<OidcSignIn>();
  const [options, setOptions] = useState<SignInOptions>({});
  // The session reads its token from here, so a renewal reaches every later request without a redraw.
  const current = useRef<{ token: string; source: Source } | null>(null);

  const signOut = useCallback(async () => {
    const source = current.current?.source;
    const oidc = sso.current;
    current.current = null;
    tokenStore.clear();
    if (source === 'oidc' && oidc) {
      setState({ kind: 'checking', message: 'Signing out…' });
      try {
        await oidc.signOut();
      } catch {
        await oidc.forget();
      }
    }
    setState({ kind: 'signed-out' });
  }, []);

  const signIn = useCallback(
    async (token: string, source: Source) => {
      setState({ kind: 'checking' });
      try {
        const { me, plans, now } = await requestGraphQL<MeAnswer>(token, ME_QUERY);
        const today = trackerToday(now, Date.now());
        current.current = { token, source };
        if (source === 'token') tokenStore.set(token);
        if (plans.length === 0) {
          setState({ kind: 'no-access', displayName: me.displayName });
          return;
        }
        const session: SignedInSession = {
          get token() {
            return current.current?.token ?? '';
          },
          me,
          plans,
          today,
          signOut: () => void signOut(),
        };
        setState({ kind: 'signed-in', session });
      } catch (error) {
        current.current = null;
        tokenStore.clear();
        if (source === 'oidc') await sso.current?.forget();
        const refused = error instanceof GraphQLRequestError && error.code === 'UNAUTHENTICATED';
        const why = !refused
          ? String((error as Error).message)
          : source === 'oidc'
            ? "The tracker did not accept the sign-in from your organisation's account: it may be set up for another tracker. Ask your programme office."
            : 'That token is not valid here: it may have expired, or be for another tracker.';
        setState({ kind: 'signed-out', problem: why, tokenFormOpen: source === 'token' });
      }
    },
    [signOut],
  );

  const startOrganisationSignIn = useCallback(async () => {
    const oidc = sso.current;
    if (!oidc) return;
    setState({ kind: 'checking', message: "Taking you to your organisation's sign-in…" });
    try {
      await oidc.start();
    } catch (error) {
      setState({ kind: 'signed-out', problem: `Your organisation's sign-in could not be reached (${(error as Error).message}). Check the connection and try again; if it goes on, ask whoever runs the tracker to check AUTH_OIDC_AUTHORITY.` });
    }
  }, []);

  /** An e-mailed link's code is handed in once for a session token; a used or expired one says so. */
  const redeem = useCallback(
    async (code: string) => {
      try {
        const { token } = await redeemSignInCode(code);
        await signIn(token, 'token');
      } catch (error) {
        tokenStore.clear();
        setState({ kind: 'signed-out', problem: error instanceof SignInRequestError ? error.message : String(error) });
      }
    },
    [signIn],
  );

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const code = takeSignInCodeFromAddress();
      takeTokenFromAddress();
      const offered = await loadSignInOptions();
      const oidc = offered.oidc ? new OidcSignIn(offered.oidc) : undefined;
      if (cancelled) return;
      sso.current = oidc;
      setOidc(oidc);
      setOptions(offered);
      if (code) return redeem(code);
      if (oidc && OidcSignIn.isCallback(window.location)) {
        try {
          const user = await oidc.complete();
          if (!cancelled) await signIn(user.access_token, 'oidc');
        } catch (error) {
          if (!cancelled) setState({ kind: 'signed-out', problem: error instanceof SignInRefused ? error.message : String(error) });
        }
        return;
      }
      const pasted = tokenStore.get();
      if (pasted) return signIn(pasted, 'token');
      const user = oidc && (await oidc.manager.getUser());
      if (oidc && user) {
        if (!user.expired) return signIn(user.access_token, 'oidc');
        // A tab reopened after its access token lapsed: one renewal, or the session has ended.
        const renewed = await oidc.manager.signinSilent().catch(() => null);
        if (renewed) return signIn(renewed.access_token, 'oidc');
        await oidc.forget();
        if (!cancelled) setState({ kind: 'ended' });
        return;
      }
      if (!cancelled) setState({ kind: 'signed-out' });
    })();
    return () => {
      cancelled = true;
    };
  }, [signIn, redeem]);

  // While signed in through the provider: take each renewed token; end the session when it cannot be renewed.
  const signedInWithOidc = state.kind === 'signed-in' && current.current?.source === 'oidc';
  useEffect(() => {
    if (!signedInWithOidc || !oidc) return;
    const events = oidc.manager.events;
    const end = () => {
      current.current = null;
      void oidc.forget();
      setState({ kind: 'ended' });
    };
    const unsubscribe = [
      events.addUserLoaded((user) => {
        if (current.current) current.current.token = user.access_token;
      }),
      // The provider said no (refresh token revoked or expired): the session is over now. A network
      // failure is left to retry until the access token itself expires.
      events.addSilentRenewError((error) => {
        if (error instanceof ErrorResponse) end();
      }),
      events.addAccessTokenExpired(end),
    ];
    return () => unsubscribe.forEach((u) => u());
  }, [signedInWithOidc, oidc]);

  switch (state.kind) {
    case 'checking':
      return (
        <p className="page-message" role="status">
          {state.message ?? 'Signing in…'}
        </p>
      );
    case 'signed-out':
      return (
        <SignInPage
          options={options}
          onToken={(t) => void signIn(t, 'token')}
          onOrganisationSignIn={() => void startOrganisationSignIn()}
          problem={state.problem}
          tokenFormOpen={state.tokenFormOpen}
        />
      );
    case 'ended':
      return <SessionEndedPage onSignIn={() => void startOrganisationSignIn()} />;
    case 'no-access':
      return <NoAccessPage displayName={state.displayName} onSignOut={() => void signOut()} />;
    case 'signed-in':
      return (
        <ChosenPlan session={state.session}>{(plan) => <SignedInApp key={plan.id} />}</ChosenPlan>
      );
  }
}
