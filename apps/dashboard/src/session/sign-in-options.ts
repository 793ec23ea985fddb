/** The organisation's identity provider, as the api's GET /auth/sign-in-options describes it. */
export interface OidcOptions {
  authority: string;
  clientId: string;
  scope: string;
}

/** Each way of signing in the api offers; absent means not offered. */
export interface SignInOptions {
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
