import { decodeJwt } from 'jose';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../apps/api/src/config/app-config';
import { API_RESOURCE, OTHER_RESOURCE, reserveIssuer, startIdentityProvider, TestIdentityProvider } from './support/identity-provider';
import { signInOverHttp } from './support/provider-sign-in';
import { GraphQLResponse, readDatabaseKinds, ReadDatabaseKind, startTestApp, TEST_AREA, TestApp } from './support/test-app';

const ME = '{ me { id displayName roles { role localAreaId } } }';

const ACCOUNTS = {
  'sam-oid': { name: 'Sam Jones', email: 'sam.jones@council.example', preferredUsername: 'Sam.Jones@Council.Example' },
  'kim-oid': { name: 'Kim Shared', email: 'shared@council.example' },
  'lee-oid': { name: 'Lee Unknown', email: 'lee@council.example' },
};

function expectUnauthenticated(result: GraphQLResponse): void {
  expect(result.status).toBe(401);
  expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.data ?? null).toBeNull();
}

/** The page's policy is the same whatever the bundle holds; two empty files let it be served. */
function stubDashboard(): string {
  const dir = mkdtempSync(join(tmpdir(), 'send-dashboard-stub-'));
  for (const name of ['dashboard.js', 'dashboard.css']) writeFileSync(join(dir, name), '');
  return dir;
}

const connectSources = async (app: TestApp) =>
  (await fetch(app.url.replace(/\/graphql$/, '/dashboard/'))).headers.get('content-security-policy')?.match(/connect-src [^;]*/)?.[0];

/** The app checking tokens from the provider, and the provider sending people back to its dashboard. */
async function startWithProvider(auth: Partial<Extract<AppConfig['auth'], { mode: 'oidc' }>>, readDatabase: ReadDatabaseKind = 'sqlite') {
  const issuer = await reserveIssuer();
  const app = await startTestApp({
    readDatabase,
    auth: {
      mode: 'oidc',
      issuer,
      audience: API_RESOURCE,
      jwksUrl: `${issuer}/jwks`,
      userClaim: 'sub',
      client: { authority: issuer, clientId: 'send-dashboard', scope: 'openid profile email offline_access tracker.access' },
      ...auth,
    },
    dashboardDir: stubDashboard(),
  });
  const redirectUri = app.url.replace(/\/graphql$/, '/dashboard/');
  const provider = await startIdentityProvider(issuer, { accounts: ACCOUNTS, redirectUris: [redirectUri] });
  const tokenFor = async (login: string, resource?: string) => (await signInOverHttp(provider, login, { redirectUri, resource })).access_token;
  return { app, provider, redirectUri, tokenFor };
}

describe('Single sign-on: tokens from a real OpenID provider, over HTTP', () => {
  let app: TestApp;
  let provider: TestIdentityProvider;
  let tokenFor: (login: string, resource?: string) => Promise<string>;

  beforeAll(async () => {
    ({ app, provider, tokenFor } = await startWithProvider({}));
    await app.addUser({ userId: 'sam-oid', displayName: 'Sam Jones', roles: ['BOARD_MEMBER'], areas: [TEST_AREA] });
  }, 30_000);
  afterAll(async () => {
    await provider?.close();
    await app?.close();
  });

  it('tells a signed-out page, without a token, which provider and client to use', async () => {
    const response = await fetch(app.url.replace(/\/graphql$/, '/auth/sign-in-options'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ oidc: { authority: provider.issuer, clientId: 'send-dashboard', scope: 'openid profile email offline_access tracker.access' } });
  });

  it("lets the dashboard page reach the provider's origin and nothing else", async () => {
    const response = await fetch(app.url.replace(/\/graphql$/, '/dashboard/'));
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(await connectSources(app)).toBe(`connect-src 'self' ${provider.issuer}`);
    expect(policy).not.toContain('frame-src');
  });

  it('accepts an access token the provider issued for this api, and signs in the person its sub names', async () => {
    const token = await tokenFor('sam-oid');
    expect(decodeJwt(token)).toMatchObject({ iss: provider.issuer, aud: API_RESOURCE, sub: 'sam-oid' });
    const result = await app.gqlWithAuthorization(`Bearer ${token}`, ME);
    expect(result.errors).toBeUndefined();
    expect(result.data.me).toEqual({ id: 'sam-oid', displayName: 'Sam Jones', roles: [{ role: 'BOARD_MEMBER', localAreaId: TEST_AREA }] });
  });

  it("refuses a genuine token from the same provider issued for another api (wrong audience) as UNAUTHENTICATED", async () => {
    const token = await tokenFor('sam-oid', OTHER_RESOURCE);
    expect(decodeJwt(token)).toMatchObject({ iss: provider.issuer, aud: OTHER_RESOURCE, sub: 'sam-oid' });
    expectUnauthenticated(await app.gqlWithAuthorization(`Bearer ${token}`, ME));
  });

  it('signs a valid token for someone not registered here in with no roles', async () => {
    const result = await app.gqlWithAuthorization(`Bearer ${await tokenFor('lee-oid')}`, ME);
    expect(result.data.me).toEqual({ id: 'lee-oid', displayName: 'lee-oid', roles: [] });
  });
});

describe.each(readDatabaseKinds())('Single sign-on: people matched by the e-mail address the directory vouches for (%s read models)', (readDatabase) => {
  let app: TestApp;
  let provider: TestIdentityProvider;
  let tokenFor: (login: string) => Promise<string>;

  beforeAll(async () => {
    ({ app, provider, tokenFor } = await startWithProvider({ userClaim: 'preferred_username', userMatch: 'email' }, readDatabase));
    await app.addUser({ userId: 'sam', displayName: 'Sam Jones', email: 'sam.jones@council.example', roles: ['BOARD_MEMBER'], areas: [TEST_AREA] });
    // Two people registered with one address: neither is chosen.
    await app.addUser({ userId: 'kim-1', email: 'shared@council.example', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA] });
    await app.addUser({ userId: 'kim-2', email: 'shared@council.example', roles: ['BOARD_CHAIR'], areas: [TEST_AREA] });
  }, 30_000);
  afterAll(async () => {
    await provider?.close();
    await app?.close();
  });

  it('finds the one person registered with that address, whatever its case, with the roles granted here', async () => {
    const result = await app.gqlWithAuthorization(`Bearer ${await tokenFor('sam-oid')}`, ME);
    expect(result.errors).toBeUndefined();
    expect(result.data.me).toEqual({ id: 'sam', displayName: 'Sam Jones', roles: [{ role: 'BOARD_MEMBER', localAreaId: TEST_AREA }] });
  });

  it('gives no roles when two people share the address, or nobody has it', async () => {
    for (const login of ['kim-oid', 'lee-oid']) {
      const result = await app.gqlWithAuthorization(`Bearer ${await tokenFor(login)}`, ME);
      expect(result.errors).toBeUndefined();
      expect(result.data.me.roles).toEqual([]);
      expect(result.data.me.id).toBe(ACCOUNTS[login as keyof typeof ACCOUNTS].email);
    }
  });
});

describe('Sign-in options without single sign-on', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ dashboardDir: stubDashboard() });
  });
  afterAll(() => app?.close());

  it('offers no provider (the embedded mode offers links by e-mail), and the page may connect to its own origin only', async () => {
    const base = app.url.replace(/\/graphql$/, '');
    expect(await (await fetch(`${base}/auth/sign-in-options`)).json()).toEqual({ emailLink: true });
    expect(await connectSources(app)).toBeUndefined();
  });
});
