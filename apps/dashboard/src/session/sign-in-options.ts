/** The organisation's identity provider, as the api describes it. */
export interface OidcOptions {
  authority: string;
  clientId: string;
  scope: string;
}

/** Each way of signing in the api offers (GET /auth/sign-in-options); absent means not offered. */
export interface SignInOptions {
  /** A one-time link by e-mail (the embedded mode). */
  emailLink?: boolean;
  /** Single sign-on with the organisation's account (AUTH_MODE=oidc with a client id). */
  oidc?: OidcOptions;
}

/** Asked before anything else: with no answer the page still offers the token paste. */
export async function loadSignInOptions(): Promise<SignInOptions> {
  try {
    const response = await fetch('/auth/sign-in-options', { headers: { accept: 'application/json' } });
    if (!response.ok) return {};
    return (await response.json()) as SignInOptions;
  } catch {
    return {};
  }
}
