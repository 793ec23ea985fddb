/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { auditPage } from './support/accessibility-audit';
import { describeInChromium } from './support/dashboard-browser';
import { signInOverHttp } from './support/provider-sign-in';
import { settle } from './support/dashboard-page';
import { SingleSignOnHarness, startSingleSignOnDashboard } from './support/single-sign-on-dashboard';

jest.setTimeout(45_000);

/** Directory accounts: object ids as sub, and the UPN the tracker matches to a registered e-mail. */
const ACCOUNTS = {
  'oid-chair': { name: 'Chair in the directory', email: 'chair@council.example', preferredUsername: 'Board-Chair@Demo-Council.example' },
  'oid-stranger': { name: 'Someone new', email: 'new.starter@council.example' },
};

/**
 * A minute is what the page keeps in hand (it renews a minute before expiry), so tokens that live
 * 63 s are renewed about 3 s after each is issued: renewal can be watched without waiting an hour.
 */
const ACCESS_TOKEN_TTL = 63;

const url = (page: Page) => new URL(page.url());

describeInChromium('The dashboard signs in with the organisation account (OpenID Connect, code flow with PKCE)', () => {
  let h: SingleSignOnHarness;

  beforeAll(async () => {
    h = await startSingleSignOnDashboard(ACCOUNTS, { accessTokenTtlSeconds: ACCESS_TOKEN_TTL });
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('signs in through the provider with PKCE, state and nonce, comes back to the view it left, and sends the access token to /graphql', async () => {
    const page = await h.newPage();
    await page.goto(`${h.base}#/scorecard`);
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).waitFor();
    expect(await auditPage(page)).toEqual([]);
    const before = h.provider.authorizationRequests.length;
    await h.signInAs(page, 'oid-chair');

    const request = h.provider.authorizationRequests[before].searchParams;
    expect(request.get('response_type')).toBe('code');
    expect(request.get('code_challenge_method')).toBe('S256');
    expect(request.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(request.get('state')).toBeTruthy();
    expect(request.get('nonce')).toBeTruthy();

    // Back on the dashboard, with the code and state gone from the address bar and the history.
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board chair');
    expect(url(page).search).toBe('');
    expect(url(page).hash).toBe('#/scorecard');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.locator('table.roll-up').waitFor();
    // Every request carried an access token the provider issued to this person for this api
    // (the page renews every few seconds here, so which one is a matter of timing).
    const chair = { iss: h.provider.issuer, aud: 'api://send-tracker', preferred_username: 'Board-Chair@Demo-Council.example' };
    expect(decodeJwt((await h.storedUser(page))!.access_token)).toMatchObject(chair);
    expect(h.bearers(page).length).toBeGreaterThan(0);
    for (const bearer of h.bearers(page)) expect(decodeJwt(bearer)).toMatchObject(chair);
    await page.goBack();
    expect(url(page).search).toBe('');
    await page.close();
  });

  it('renews the access token before it expires and sends the new one, with no sign-in in between', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await h.signInAs(page, 'oid-chair');
    await page.locator('table.roll-up').waitFor();
    const first = (await h.storedUser(page))!.access_token;
    const renewed = await settle(async () => (await h.storedUser(page))?.access_token !== first, true, 15_000);
    expect(renewed).toBe(true);
    const second = (await h.storedUser(page))!.access_token;
    expect(decodeJwt(second).exp).toBeGreaterThan(decodeJwt(first).exp!);

    await page.getByRole('link', { name: 'Actions' }).click();
    await page.locator('tr[data-action-ref]').first().waitFor();
    const sinceRenewal = h.bearers(page).at(-1)!;
    expect(sinceRenewal).not.toBe(first);
    expect(decodeJwt(sinceRenewal).exp).toBeGreaterThanOrEqual(decodeJwt(second).exp!);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board chair');
    await page.close();
  });

  it('keeps the sign-in across a reload, and a tab reopened after its token lapsed renews once or says the session has ended', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await h.signInAs(page, 'oid-chair');
    await page.locator('table.roll-up').waitFor();
    const authorizations = h.provider.authorizationRequests.length;
    await page.reload();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board chair');
    expect(h.provider.authorizationRequests.length).toBe(authorizations);

    const lapse = () => page.evaluate((key) => {
      const user = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 120 }));
    }, `oidc.user:${h.provider.issuer}:send-dashboard`);
    const lapsed = (await h.storedUser(page))!.access_token;
    await lapse();
    await page.reload();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board chair');
    expect((await h.storedUser(page))!.access_token).not.toBe(lapsed);
    expect(h.provider.authorizationRequests.length).toBe(authorizations);

    h.provider.revokeAllSessions();
    await lapse();
    await page.reload();
    await page.getByRole('heading', { name: 'Your session has ended. Sign in again.' }).waitFor();
    expect(await h.storedUser(page)).toBeNull();
    await page.close();
  });

  it('shows "Your session has ended. Sign in again." and forgets the tokens when the provider will not renew, then signs in again', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await h.signInAs(page, 'oid-chair');
    await page.locator('table.roll-up').waitFor();
    h.provider.revokeAllSessions();

    await page.getByRole('heading', { name: 'Your session has ended. Sign in again.' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('table.roll-up').count()).toBe(0);
    expect(await h.storedUser(page)).toBeNull();
    expect(await auditPage(page)).toEqual([]);

    // The provider's session went too, so signing in again asks who they are.
    await h.signInAs(page, 'oid-chair');
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board chair');
    await page.close();
  });

  it("signs out here and at the provider: the tokens are gone and the next sign-in asks again", async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await h.signInAs(page, 'oid-chair');
    await page.getByTestId('signed-in-as').waitFor();
    const refreshToken = (await h.storedUser(page))!.refresh_token!;
    expect(refreshToken).toBeTruthy();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${h.provider.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((u) => u.href.startsWith(h.base));
    await page.getByRole('button', { name: 'Sign in with your organisation account' }).waitFor();
    expect(await h.storedUser(page)).toBeNull();

    // The refresh token was revoked at the provider, not only forgotten here.
    const refresh = await fetch(`${h.provider.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: h.provider.clientId }),
    });
    expect(refresh.status).toBe(400);
    expect((await refresh.json()).error).toBe('invalid_grant');

    await page.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${h.provider.issuer}/interaction/`));
    await page.getByLabel('Account').waitFor();
    await page.close();
  });

  it('tells someone signed in with no role here to ask their programme office, and lets them sign out', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await h.signInAs(page, 'oid-stranger');
    await page.getByRole('heading', { name: 'You do not have access to a plan yet' }).waitFor();
    expect(await page.getByTestId('no-access-name').textContent()).toBe('new.starter@council.example');
    expect(await page.locator('main').textContent()).toContain('Ask your programme office to give you access');
    expect(await page.locator('table.roll-up').count()).toBe(0);
    expect(await auditPage(page)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${h.provider.issuer}/session/end`));
    await page.close();
  });

  it('refuses a callback whose state was tampered with: no code is exchanged, nobody is signed in, and it says why', async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await h.interceptCallback(page, (callback) => {
      const forged = new URL(callback);
      forged.searchParams.set('state', `forged${callback.searchParams.get('state')}`);
      return forged;
    });
    const tokenRequests = tokenRequestCount();
    await h.signInAs(page, 'oid-chair');
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('does not belong to a sign-in started in this browser tab, so it was refused');
    expect(url(page).search).toBe('');
    expect(await h.storedUser(page)).toBeNull();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    expect(tokenRequestCount()).toBe(tokenRequests);
    await page.close();
  });

  it('refuses a genuine callback opened in another browser that never started a sign-in (a planted code)', async () => {
    const victim = await h.newPage();
    const attacker = await h.newPage();
    await attacker.goto(h.base);
    let planted = '';
    await h.interceptCallback(attacker, (callback) => {
      planted = callback.href;
      return null;
    });
    await attacker.getByRole('button', { name: 'Sign in with your organisation account' }).click();
    await attacker.getByLabel('Account').fill('oid-stranger');
    await attacker.getByRole('button', { name: 'Continue' }).click();
    await settle(async () => planted !== '', true);
    expect(planted).toContain('code=');

    await victim.goto(planted);
    expect(await victim.getByRole('alert').textContent()).toContain('was refused');
    expect(url(victim).search).toBe('');
    expect(await h.storedUser(victim)).toBeNull();
    await victim.close();
    await attacker.close();
  });

  it("refuses an ID token whose nonce is not the one this sign-in sent", async () => {
    const page = await h.newPage();
    await page.goto(h.base);
    await page.route(
      (u) => u.href.startsWith(`${h.provider.issuer}/auth?`) && u.searchParams.get('nonce') !== 'replayed-nonce',
      (route) => {
        const swapped = new URL(route.request().url());
        swapped.searchParams.set('nonce', 'replayed-nonce');
        return route.fulfill({ status: 302, headers: { location: swapped.href } });
      },
    );
    await h.signInAs(page, 'oid-chair');
    expect(await page.getByRole('alert').textContent()).toContain('did not match the sign-in started here (nonce)');
    expect(await h.storedUser(page)).toBeNull();
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
    await page.close();
  });

  it('still takes a pasted access token when single sign-on is offered', async () => {
    const { access_token } = await signInOverHttp(h.provider, 'oid-chair', { redirectUri: h.base });
    const page = await h.newPage();
    await page.goto(h.base);
    await page.getByText('Sign in with an access token').click();
    await page.getByLabel('Access token').fill(access_token);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('board chair');
    await page.close();
  });

  function tokenRequestCount(): number {
    return h.provider.requests.filter((r) => r.pathname === '/token').length;
  }
});
