import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { freeLoopbackPort } from './free-port';
import { ProviderStore } from './provider-store';

/** A person the provider knows: their login name is their `sub`. */
export interface ProviderAccount {
  name: string;
  email: string;
  /** What Entra ID calls the UPN; an address the organisation controls. */
  preferredUsername?: string;
}

export interface IdentityProviderOptions {
  accounts: Record<string, ProviderAccount>;
  /** Where the dashboard may be sent back to (its /dashboard/), exactly. */
  redirectUris: string[];
  /** Seconds an access token lives (Entra ID: 60 to 90 minutes). */
  accessTokenTtlSeconds?: number;
}

export interface TestIdentityProvider {
  issuer: string;
  jwksUrl: string;
  clientId: string;
  /** The api's resource indicator: the `aud` of every access token issued here. */
  audience: string;
  /** What the dashboard asks for, as an Entra ID deployment would: openid and the api's scope. */
  scope: string;
  /** Every request the provider received, in order, for asserting what the page sent. */
  requests: URL[];
  /** The authorisation requests among them. */
  authorizationRequests: URL[];
  /** Ends every session and refresh token at the provider, as an administrator can. */
  revokeAllSessions(): void;
  close(): Promise<void>;
}

export const API_RESOURCE = 'api://send-tracker';
const API_SCOPE = 'tracker.access';
/** Another api the same provider serves: its tokens are genuine, but not for the tracker. */
export const OTHER_RESOURCE = 'api://another-service';
const OTHER_SCOPE = 'other.access';
const CLIENT_ID = 'send-dashboard';

/** The issuer's address, chosen before the app starts so the app's config can name it. */
export async function reserveIssuer(): Promise<string> {
  return `http://127.0.0.1:${await freeLoopbackPort()}`;
}

/**
 * A certified OpenID provider (panva's oidc-provider) on loopback with one public client (no
 * secret, PKCE required, as a browser app registered in Entra ID is) whose access tokens are JWTs
 * for the api's audience. Its login page is a plain form in this file: the library's development
 * pages load web fonts from the internet, which a test must not reach.
 */
export async function startIdentityProvider(issuer: string, options: IdentityProviderOptions): Promise<TestIdentityProvider> {
  const { default: Provider, errors } = await import('oidc-provider');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const accessTokenTTL = options.accessTokenTtlSeconds ?? 3600;
  const account = (id: string) => options.accounts[id];
  const store = new ProviderStore();

  const configuration: Configuration = {
    adapter: store.adapterClass(),
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.redirectUris,
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), alg: 'RS256', use: 'sig' } as never] },
    cookies: { keys: [randomUUID()] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    async findAccount(_ctx, sub) {
      const known = account(sub);
      if (!known) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: known.name, email: known.email, email_verified: true, preferred_username: known.preferredUsername ?? known.email }),
      };
    },
    // As Entra ID puts upn, preferred_username and name in its access tokens, so AUTH_USER_CLAIM can choose.
    async extraTokenClaims(_ctx, token) {
      const known = 'accountId' in token && token.accountId ? account(token.accountId) : undefined;
      return known ? { name: known.name, email: known.email, preferred_username: known.preferredUsername ?? known.email } : undefined;
    },
    // A browser app in Entra ID gets refresh tokens for offline_access without a consent prompt.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: accessTokenTTL, IdToken: accessTokenTTL, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, RefreshToken: 8 * 3600, AuthorizationCode: 60 },
    // First-party client: consent is the administrator's (as "grant admin consent" in Entra ID).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { session, client } = ctx.oidc;
      if (!session?.accountId || !client) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addResourceScope(API_RESOURCE, API_SCOPE);
      grant.addResourceScope(OTHER_RESOURCE, OTHER_SCOPE);
      await grant.save();
      return grant;
    },
    // The token and revocation endpoints answer the dashboard's own origin only (the browser's CORS check).
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page('Sign out', `<h1>Sign out of the test provider?</h1>${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>`);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('Signed out', '<h1>You are signed out</h1>');
        },
      },
      resourceIndicators: {
        enabled: true,
        // The api is the only resource: a request that names none gets a token for it, as Entra ID
        // issues a token for the api whose scope was asked for.
        defaultResource: async (_ctx, _client, oneOf) => (oneOf?.length === 1 ? oneOf[0] : API_RESOURCE),
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          const scope = { [API_RESOURCE]: API_SCOPE, [OTHER_RESOURCE]: OTHER_SCOPE }[resource];
          if (!scope) throw new errors.InvalidTarget();
          return { scope, audience: resource, accessTokenFormat: 'jwt', accessTokenTTL, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('Sign-in error', `<h1>Sign-in error</h1><pre>${escapeHtml(JSON.stringify(out))}</pre>`);
    },
  };

  const provider = new Provider(issuer, configuration);
  const requests: URL[] = [];
  const authorizationRequests: URL[] = [];
  const providerHandler = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        page(
          'Sign in',
          `<h1>Test organisation sign-in</h1><form method="post" action="/interaction/${details.uid}"><label for="login">Account</label> <input id="login" name="login" autofocus> <button type="submit">Continue</button></form>`,
        ),
      );
      return;
    }
    const body = new URLSearchParams(await readBody(req));
    const login = body.get('login') ?? '';
    if (!account(login)) {
      res.statusCode = 400;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page('Sign in', `<h1>No such account</h1><p>${escapeHtml(login)}</p>`));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    requests.push(url);
    if (url.pathname === '/auth') authorizationRequests.push(url);
    if (url.pathname.startsWith('/interaction/')) {
      interaction(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(escapeHtml(error.message));
      });
      return;
    }
    providerHandler(req, res);
  });
  const port = Number(new URL(issuer).port);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    clientId: CLIENT_ID,
    audience: API_RESOURCE,
    scope: `openid profile email offline_access ${API_SCOPE}`,
    requests,
    authorizationRequests,
    revokeAllSessions: () => store.revokeAllSessions(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
