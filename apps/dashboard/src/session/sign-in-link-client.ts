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

/** The sign-in link routes: ask for a link by address, hand in a link's code for a session token. */
async function post<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new SignInRequestError('The tracker could not be reached. Check the connection and try again.', 'NETWORK');
  }
  const answer = (await response.json().catch(() => undefined)) as (T & { errors?: { message: string; extensions?: { code?: string } }[] }) | undefined;
  const error = answer?.errors?.[0];
  if (!response.ok || error) throw new SignInRequestError(error?.message ?? `The tracker answered ${response.status}.`, error?.extensions?.code ?? String(response.status));
  return answer as T;
}

export const requestSignInLink = (email: string): Promise<{ message: string }> => post('/auth/sign-in-link', { email });

export const redeemSignInCode = (code: string): Promise<{ token: string }> => post('/auth/sign-in-link/redeem', { code });
