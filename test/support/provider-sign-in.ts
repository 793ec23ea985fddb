import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { TestIdentityProvider } from './identity-provider';

/**
 * The authorisation code flow with PKCE over plain HTTP, as a non-browser client would go through
 * it: authorise, log in on the provider's form, take the code back, exchange it with the verifier.
 */
export async function signInOverHttp(
  provider: TestIdentityProvider,
  login: string,
  options: { redirectUri: string; resource?: string },
): Promise<{ access_token: string; id_token: string; refresh_token?: string }> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(`${provider.issuer}/auth`);
  const params: Record<string, string> = {
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: provider.scope,
    state: randomUUID(),
    nonce: randomUUID(),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(options.resource ? { resource: options.resource } : {}),
  };
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);

  let next: string = authorize.href;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(next, {
      method,
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    remember(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const target = new URL(location, next);
      if (target.href.startsWith(options.redirectUri)) {
        const code = target.searchParams.get('code');
        if (!code) throw new Error(`The provider sent back no code: ${target.search}`);
        const token = await fetch(`${provider.issuer}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: options.redirectUri,
            client_id: provider.clientId,
            code_verifier: verifier,
            ...(options.resource ? { resource: options.resource } : {}),
          }),
        });
        const tokens = (await token.json()) as { access_token: string; id_token: string; refresh_token?: string; error?: string };
        if (!token.ok) throw new Error(`Token request refused: ${JSON.stringify(tokens)}`);
        return tokens;
      }
      next = target.href;
      method = 'GET';
      body = undefined;
      continue;
    }
    if (response.status === 200 && new URL(next).pathname.startsWith('/interaction/')) {
      method = 'POST';
      body = new URLSearchParams({ login }).toString();
      continue;
    }
    throw new Error(`Unexpected answer ${response.status} from ${next}: ${(await response.text()).slice(0, 300)}`);
  }
  throw new Error('Too many redirects signing in');
}
