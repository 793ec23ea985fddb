/** Each way of signing in the tracker offers (GET /auth/sign-in-options); an absent one is not offered. */
export interface SignInOptions {
  emailLink?: boolean;
}

/** A refusal from a sign-in route, in the API's words, with its stable code. */
export class SignInRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'SignInRequestError';
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new SignInRequestError('The tracker could not be reached. Check the connection and try again.', 'NETWORK');
  }
  const answer = (await response.json().catch(() => undefined)) as (T & { errors?: { message: string; extensions?: { code?: string } }[] }) | undefined;
  const error = answer?.errors?.[0];
  if (!response.ok || error) throw new SignInRequestError(error?.message ?? `The tracker answered ${response.status}.`, error?.extensions?.code ?? String(response.status));
  return answer as T;
}

/** Without an answer the page offers what always works: pasting a token. */
export const fetchSignInOptions = (): Promise<SignInOptions> => call<SignInOptions>('GET', '/auth/sign-in-options').catch(() => ({}));

export const requestSignInLink = (email: string): Promise<{ message: string }> => call('POST', '/auth/sign-in-link', { email });

export const redeemSignInCode = (code: string): Promise<{ token: string }> => call('POST', '/auth/sign-in-link/redeem', { code });
