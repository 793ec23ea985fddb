import {
  CryptoKey,
  decodeProtectedHeader,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  JWK,
  JWTPayload,
  JWTHeaderParameters,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CREATE_PLAN, planInput } from './support/plan-operations';
import { GraphQLResponse, startTestApp, TEST_AREA, TESTER, TestApp } from './support/test-app';

const PLANS = '{ plans { id title } }';
const PLAN = (id: string) => `{ plan(id: "${id}") { id title } }`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(key: CryptoKey | Uint8Array, header: JWTHeaderParameters, payload: JWTPayload): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

function expectUnauthenticated(result: GraphQLResponse): void {
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  // The client learns that sign-in failed, not which check failed.
  expect(result.errors![0].message).toMatch(/^Sign-in required: /);
  expect(result.data ?? null).toBeNull();
  expect(result.status).toBe(401);
}

let planCount = 0;

/** Sends a read and a write with this header: both are refused and nothing is recorded. */
async function expectRefusedEverywhere(app: TestApp, authorization: string | undefined): Promise<void> {
  expectUnauthenticated(await app.gqlWithAuthorization(authorization, PLANS));
  const before = await app.allEvents();
  const write = await app.gqlWithAuthorization(authorization, CREATE_PLAN, { input: planInput(`unauthenticated-${++planCount}`) });
  expectUnauthenticated(write);
  expect(await app.allEvents()).toEqual(before);
}

describe('Authentication with the local signing key', () => {
  let app: TestApp & { dataDir: string };
  const planId = 'authentication';
  let realKey: CryptoKey | Uint8Array;
  let realKid: string;
  let publicJwk: JWK;
  /** Claims the app would accept: only the thing a case names is changed. */
  let validClaims: () => JWTPayload;

  beforeAll(async () => {
    app = await startTestApp();
    const privateJwk = JSON.parse(readFileSync(join(app.dataDir, 'auth', 'local-signing-key.json'), 'utf8')) as JWK & { kid: string };
    realKid = privateJwk.kid;
    realKey = await importJWK(privateJwk, 'ES256');
    const { d: _secret, ...rest } = privateJwk;
    publicJwk = rest;
    validClaims = () => ({ sub: TESTER, iss: app.config.auth.issuer, aud: app.config.auth.audience, iat: nowSeconds(), exp: nowSeconds() + 600 });
    expect((await app.gql(CREATE_PLAN, { input: planInput(planId) })).errors).toBeUndefined();
  });

  afterAll(() => app?.close());

  it('serves the tester with a token the app issued', async () => {
    const token = await app.token(TESTER);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: realKid });
    const result = await app.gqlWithAuthorization(`Bearer ${token}`, PLANS);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data.plans).toEqual([expect.objectContaining({ id: planId })]);
  });

  it('accepts a token signed here from the claims the other cases start from', async () => {
    const result = await app.gqlWithAuthorization(`Bearer ${await sign(realKey, { alg: 'ES256', kid: realKid }, validClaims())}`, PLANS);
    expect(result.errors).toBeUndefined();
    expect(result.data.plans).toHaveLength(1);
  });

  it('accepts a token that expired within the 30 s clock tolerance', async () => {
    const result = await app.gqlWithAuthorization(`Bearer ${await app.token(TESTER, { ttlSeconds: -10 })}`, PLANS);
    expect(result.errors).toBeUndefined();
  });

  it('refuses a request with no Authorization header', async () => {
    await expectRefusedEverywhere(app, undefined);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    await expectRefusedEverywhere(app, `Basic ${Buffer.from(`${TESTER}:password`).toString('base64')}`);
  });

  it('refuses a token that is not a JWT', async () => {
    await expectRefusedEverywhere(app, 'Bearer not-a-token');
  });

  it('refuses a token signed by another ES256 key under the real key id', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    await expectRefusedEverywhere(app, `Bearer ${await sign(privateKey, { alg: 'ES256', kid: realKid }, validClaims())}`);
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const token = new UnsecuredJWT(validClaims()).encode();
    expect(decodeProtectedHeader(token).alg).toBe('none');
    await expectRefusedEverywhere(app, `Bearer ${token}`);
  });

  it.each(['pem', 'jwk'] as const)('refuses an HS256 token keyed with the public key (%s bytes)', async (format) => {
    const publicKeyText = format === 'pem' ? await exportSPKI((await importJWK(publicJwk, 'ES256')) as CryptoKey) : JSON.stringify(publicJwk);
    const secret = new TextEncoder().encode(publicKeyText);
    await expectRefusedEverywhere(app, `Bearer ${await sign(secret, { alg: 'HS256', kid: realKid }, validClaims())}`);
  });

  it('refuses an expired token, past the clock tolerance', async () => {
    await expectRefusedEverywhere(app, `Bearer ${await app.token(TESTER, { ttlSeconds: -120 })}`);
    const claims = { ...validClaims(), iat: nowSeconds() - 300, exp: nowSeconds() - 120 };
    await expectRefusedEverywhere(app, `Bearer ${await sign(realKey, { alg: 'ES256', kid: realKid }, claims)}`);
  });

  it('refuses a token that never expires', async () => {
    const { exp: _exp, ...noExpiry } = validClaims();
    await expectRefusedEverywhere(app, `Bearer ${await sign(realKey, { alg: 'ES256', kid: realKid }, noExpiry)}`);
  });

  it('refuses a token that is not valid yet', async () => {
    const claims = { ...validClaims(), nbf: nowSeconds() + 600, exp: nowSeconds() + 1200 };
    await expectRefusedEverywhere(app, `Bearer ${await sign(realKey, { alg: 'ES256', kid: realKid }, claims)}`);
  });

  it('refuses a token for another audience', async () => {
    await expectRefusedEverywhere(app, `Bearer ${await app.token(TESTER, { audience: 'some-other-api' })}`);
  });

  it('refuses a token from another issuer', async () => {
    await expectRefusedEverywhere(app, `Bearer ${await app.token(TESTER, { issuer: 'https://evil.example.test' })}`);
  });

  it('refuses the real key under a key id it does not publish', async () => {
    await expectRefusedEverywhere(app, `Bearer ${await sign(realKey, { alg: 'ES256', kid: 'not-our-key' }, validClaims())}`);
  });

  it('refuses a token with no subject, or a blank one', async () => {
    const { sub: _sub, ...noSubject } = validClaims();
    await expectRefusedEverywhere(app, `Bearer ${await sign(realKey, { alg: 'ES256', kid: realKid }, noSubject)}`);
    await expectRefusedEverywhere(app, `Bearer ${await sign(realKey, { alg: 'ES256', kid: realKid }, { ...validClaims(), sub: '' })}`);
  });

  it('shows a signed-in user who is not registered here nothing at all', async () => {
    const stranger = `Bearer ${await app.token('not-registered')}`;
    const list = await app.gqlWithAuthorization(stranger, PLANS);
    expect(list.status).toBe(200);
    expect(list.errors).toBeUndefined();
    expect(list.data.plans).toEqual([]);
    const one = await app.gqlWithAuthorization(stranger, PLAN(planId));
    expect(one.errors![0].extensions?.code).toBe('NOT_FOUND');
    expect(one.data ?? null).toBeNull();
  });
});

describe('Authentication with an OpenID Connect issuer’s published keys', () => {
  const issuer = 'https://login.example.test/tenant/v2.0';
  const audience = 'api://send-tracker';
  const oidcUser = 'a7c6e0d2-5f1b-4b8e-9d3a-oidc-user';
  let app: TestApp;
  let jwks: Server;
  let jwksRequests = 0;
  let issuerKey: CryptoKey;

  const claims = (overrides: JWTPayload = {}): JWTPayload => ({
    iss: issuer,
    aud: audience,
    // The subject differs from the object id, as it does with pairwise subjects: `oid` names the user.
    sub: 'pairwise-subject-not-the-user',
    oid: oidcUser,
    iat: nowSeconds(),
    exp: nowSeconds() + 600,
    ...overrides,
  });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    issuerKey = pair.privateKey;
    const published = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((request, response) => {
      jwksRequests += 1;
      if (request.url !== '/keys') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [published] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    app = await startTestApp({ auth: { mode: 'oidc', issuer, audience, jwksUrl: `http://127.0.0.1:${port}/keys`, userClaim: 'oid' } });
    await app.addUser({ userId: oidcUser, displayName: 'Sam Patel', roles: ['PLAN_ADMINISTRATOR'], areas: [TEST_AREA] });
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => jwks?.close(resolve));
  });

  it('serves a registered user named by the oid claim of a token signed with the published key', async () => {
    const bearer = `Bearer ${await sign(issuerKey, { alg: 'RS256', kid: 'k1' }, claims())}`;
    const created = await app.gqlWithAuthorization(bearer, CREATE_PLAN, { input: planInput('oidc-plan') });
    expect(created.errors).toBeUndefined();
    expect(created.data.createPlan.id).toBe('oidc-plan');
    const events = await app.allEvents();
    expect(events[events.length - 1].metadata).toMatchObject({ actor: expect.objectContaining({ userId: oidcUser }) });
    const read = await app.gqlWithAuthorization(bearer, PLANS);
    expect(read.status).toBe(200);
    expect(read.data.plans).toEqual([expect.objectContaining({ id: 'oidc-plan' })]);
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses a token signed by another RSA key under the published key id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRefusedEverywhere(app, `Bearer ${await sign(privateKey, { alg: 'RS256', kid: 'k1' }, claims())}`);
  });

  it('refuses a token whose key id the issuer does not publish', async () => {
    await expectRefusedEverywhere(app, `Bearer ${await sign(issuerKey, { alg: 'RS256', kid: 'k2' }, claims())}`);
  });

  it('refuses a token for another audience', async () => {
    await expectRefusedEverywhere(app, `Bearer ${await sign(issuerKey, { alg: 'RS256', kid: 'k1' }, claims({ aud: 'api://another-app' }))}`);
  });

  it('refuses a token without the configured user claim, even with a subject', async () => {
    const { oid: _oid, ...withoutOid } = claims();
    await expectRefusedEverywhere(app, `Bearer ${await sign(issuerKey, { alg: 'RS256', kid: 'k1' }, withoutOid)}`);
  });
});
