import { ErrorResponse, User, UserManager } from 'oidc-client-ts';
import type { OidcOptions } from './sign-in-options';

/** Why a returning sign-in was refused, in words for the person at the screen. */
export class SignInRefused extends Error {}

const DASHBOARD = '/dashboard/';

/**
 * Single sign-on with the organisation's provider: authorisation code with PKCE (oidc-client-ts
 * sends an S256 challenge and checks state), a nonce checked against the ID token, tokens kept in
 * this tab's sessionStorage, and renewal with the refresh token before the access token expires.
 */
export class OidcSignIn {
  readonly manager: UserManager;

  constructor(options: OidcOptions) {
    const home = `${window.location.origin}${DASHBOARD}`;
    this.manager = new UserManager({
      authority: options.authority,
      client_id: options.clientId,
      scope: options.scope,
      redirect_uri: home,
      post_logout_redirect_uri: home,
      response_type: 'code',
      response_mode: 'query',
      automaticSilentRenew: true,
      // No session-monitoring iframe: it needs third-party cookies, which browsers now block.
      monitorSession: false,
      loadUserInfo: false,
    });
  }

  /** Whether this address is the provider sending the browser back (with a code or an error). */
  static isCallback(location: Location): boolean {
    const query = new URLSearchParams(location.search);
    return query.has('state') && (query.has('code') || query.has('error'));
  }

  /** Off to the provider; the page is left, so this only returns if the redirect fails. */
  async start(): Promise<void> {
    await this.manager.signinRedirect({ nonce: randomText(), url_state: window.location.hash || undefined });
  }

  /**
   * Finishes a sign-in the provider has sent back. The code and state leave the address bar
   * whatever the outcome, so they are neither bookmarked nor reused.
   */
  async complete(): Promise<User> {
    const url = window.location.href;
    try {
      const user = await this.manager.signinCallback(url);
      if (!user) throw new SignInRefused('The sign-in service sent the browser back without signing you in. Sign in again.');
      // Only a view of this page (#/…) is restored; anything else in the state is ignored.
      const view = user.url_state?.startsWith('#/') ? user.url_state : '';
      window.history.replaceState(null, '', `${DASHBOARD}${view}`);
      return user;
    } catch (error) {
      window.history.replaceState(null, '', DASHBOARD);
      throw refusal(error);
    }
  }

  /** The signed-in person in this tab, if their access token has not expired. */
  async current(): Promise<User | null> {
    const user = await this.manager.getUser();
    return user && !user.expired ? user : null;
  }

  /** Forgets the tokens here, revokes the refresh token, and ends the provider's session where it can. */
  async signOut(): Promise<void> {
    const metadata = await this.manager.metadataService.getMetadata().catch(() => undefined);
    if (metadata?.revocation_endpoint) await this.manager.revokeTokens(['refresh_token']).catch(() => undefined);
    if (metadata?.end_session_endpoint) {
      await this.manager.signoutRedirect();
      return;
    }
    await this.manager.removeUser();
  }

  async forget(): Promise<void> {
    await this.manager.removeUser();
  }
}

function randomText(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function refusal(error: unknown): SignInRefused {
  if (error instanceof SignInRefused) return error;
  if (error instanceof ErrorResponse) {
    return new SignInRefused(`The sign-in service did not sign you in: ${error.error_description || error.error || error.message}.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/no matching state/i.test(message)) {
    return new SignInRefused('This sign-in answer does not belong to a sign-in started in this browser tab, so it was refused. Sign in again.');
  }
  if (/nonce/i.test(message)) {
    return new SignInRefused("The sign-in service's answer did not match the sign-in started here (nonce), so it was refused. Sign in again.");
  }
  return new SignInRefused(`Sign-in could not be completed: ${message}. Sign in again.`);
}
