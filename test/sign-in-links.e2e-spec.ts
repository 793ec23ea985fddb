import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashSignInCode } from '../apps/api/src/sign-in-links/sign-in-code';
import { outboxMails, signInLinkIn } from './support/outbox';
import { addPeople, App, askForLink, base, EXPIRED_OR_USED, FROM, mailSettings, me, post, PUBLIC_URL, redeem, SAME_ANSWER, settled, storedLinks } from './support/sign-in-links';
import { DEFAULT_TEST_NOW, startTestApp } from './support/test-app';

describe('Sign-in links by e-mail (AUTH_MODE=local, .eml outbox)', () => {
  let app: App;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'send-sign-in-outbox-'));
    app = await startTestApp({ reminders: mailSettings({ type: 'folder', dir: outbox }), signInLinks: { linkMinutes: 15, sessionHours: 10, perAddressPerHour: 100, perClientPerHour: 1000 } });
    await addPeople(app);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  beforeEach(() => {
    app.clock.set(DEFAULT_TEST_NOW);
    rmSync(outbox, { recursive: true, force: true });
  });

  /** Asks for a link for the address and returns the one mail it produced. */
  async function linkFor(email: string) {
    const answer = await askForLink(app, email);
    expect(answer).toMatchObject({ status: 202, body: SAME_ANSWER });
    await settled(app);
    const mails = outboxMails(outbox, 'sign-in-');
    expect(mails).toHaveLength(1);
    const mode = statSync(join(outbox, mails[0].file)).mode & 0o777;
    rmSync(join(outbox, mails[0].file));
    return { mail: mails[0], mode, ...signInLinkIn(mails[0].body) };
  }

  it('says, without a token, that e-mail links are how to sign in here', async () => {
    const response = await fetch(`${base(app)}/auth/sign-in-options`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ emailLink: true });
  });

  it('mails a one-time link for the person; the page hands in its code for a token that works on /graphql', async () => {
    // The address is matched without regard to case, and the mail goes to the address on record.
    const { mail, mode, link, code } = await linkFor('  helen.marsh@COUNCIL.example ');
    expect(mail.header('To')).toBe('Helen.Marsh@council.example');
    expect(mail.header('From')).toBe(FROM);
    expect(mail.header('Subject')).toBe('Your sign-in link for the SEND Improvement Plan tracker');
    expect(mail.header('Content-Type')).toMatch(/^text\/plain/);
    expect(link).toBe(`${PUBLIC_URL}/dashboard/#sign-in=${code}`);
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.body).toContain('Dear Helen Marsh,');
    expect(mail.body).toContain('as Helen Marsh (user helen.marsh)');
    expect(mail.body).toContain('valid for 15 minutes, until 11:15 on Monday 15 June 2026 (UK time), and works once');
    expect(mail.body).toContain('If you did not ask to sign in, ignore this e-mail');
    // The file is a working link until it is used: nobody but the app's own user may read it.
    expect(mode).toBe(0o600);

    const session = await redeem(app, code);
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');
    expect(session.body).toEqual({ token: expect.any(String), userId: 'helen.marsh', expiresAt: '2026-06-15T20:00:00.000Z' });
    expect(await me(app, session.body.token)).toBe('helen.marsh');
  });

  it('stores only a hash of the code, never the code', async () => {
    const { code } = await linkFor('tom.okafor@council.example');
    const rows = await storedLinks(app);
    const row = rows.find((r) => r.userId === 'tom.okafor' && r.usedAt === null)!;
    expect(row.codeHash).toBe(hashSignInCode(code));
    expect(JSON.stringify(rows)).not.toContain(code);
  });

  it('answers an unknown address, or one of someone with no role, exactly as a known one, and sends nothing', async () => {
    const before = (await storedLinks(app)).length;
    for (const email of ['nobody@council.example', 'no.roles@council.example']) {
      const answer = await askForLink(app, email);
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual(SAME_ANSWER);
    }
    await settled(app);
    expect(outboxMails(outbox)).toEqual([]);
    expect(await storedLinks(app)).toHaveLength(before);
  });

  it('signs in once: the same code a second time is refused', async () => {
    const { code } = await linkFor('tom.okafor@council.example');
    expect((await redeem(app, code)).status).toBe(200);
    const again = await redeem(app, code);
    expect(again.status).toBe(401);
    expect(again.body.errors[0]).toEqual({ message: EXPIRED_OR_USED, extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_LINK_EXPIRED_OR_USED' } });
  });

  it('lets exactly one of several redemptions at once through', async () => {
    const { code } = await linkFor('tom.okafor@council.example');
    const answers = await Promise.all(Array.from({ length: 6 }, () => redeem(app, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it('expires 15 minutes after it was asked for', async () => {
    const late = await linkFor('tom.okafor@council.example');
    const inTime = await linkFor('helen.marsh@council.example');
    app.clock.set('2026-06-15T10:14:59.000Z');
    expect((await redeem(app, inTime.code)).status).toBe(200);
    app.clock.set('2026-06-15T10:15:00.000Z');
    const refused = await redeem(app, late.code);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].message).toBe(EXPIRED_OR_USED);
  });

  it('refuses a code nobody was sent', async () => {
    const refused = await redeem(app, 'A'.repeat(43));
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].message).toBe(EXPIRED_OR_USED);
  });

  it('signs in only the person it was sent to, whatever else the request says', async () => {
    const tom = await linkFor('tom.okafor@council.example');
    const helen = await linkFor('helen.marsh@council.example');
    const smuggled = await post(app, '/auth/sign-in-link/redeem', { code: tom.code, userId: 'helen.marsh' });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.errors[0].extensions.validationErrors).toEqual([expect.objectContaining({ field: 'userId', rule: 'whitelistValidation' })]);
    const asTom = await redeem(app, tom.code);
    expect(asTom.body.userId).toBe('tom.okafor');
    expect(await me(app, asTom.body.token)).toBe('tom.okafor');
    // Tom signing in spends only Tom's links.
    const asHelen = await redeem(app, helen.code);
    expect(asHelen.body.userId).toBe('helen.marsh');
    expect(await me(app, asHelen.body.token)).toBe('helen.marsh');
  });

  it('keeps an earlier link working until one of them is used, then spends them all', async () => {
    const first = await linkFor('helen.marsh@council.example');
    const second = await linkFor('helen.marsh@council.example');
    expect((await redeem(app, second.code)).status).toBe(200);
    expect((await redeem(app, first.code)).status).toBe(401);
  });

  it.each([
    ['no address', {}, 'email'],
    ['a number', { email: 42 }, 'email'],
    ['no @', { email: 'helen.marsh.council.example' }, 'email'],
    ['a header break', { email: 'helen.marsh@council.example\r\nBcc: x@evil.example' }, 'email'],
    ['too long', { email: `${'a'.repeat(60)}@${'b'.repeat(190)}.example` }, 'email'],
    ['another field', { email: 'helen.marsh@council.example', userId: 'helen.marsh' }, 'userId'],
  ])('refuses a request with %s (400, naming the field) and sends nothing', async (_why, body, field) => {
    const before = (await storedLinks(app)).length;
    const answer = await post(app, '/auth/sign-in-link', body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors[0].extensions.validationErrors.map((v: { field: string }) => v.field)).toContain(field);
    await settled(app);
    expect(outboxMails(outbox)).toEqual([]);
    expect(await storedLinks(app)).toHaveLength(before);
  });

  it('takes only JSON, so a form on another site cannot make it send mail', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const body = contentType === 'text/plain' ? JSON.stringify({ email: 'tom.okafor@council.example' }) : 'email=tom.okafor%40council.example';
      const answer = await post(app, '/auth/sign-in-link', body, contentType);
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    await settled(app);
    expect(outboxMails(outbox)).toEqual([]);
  });

  it.each([
    ['no code', {}],
    ['a short code', { code: 'abc' }],
    ['a code with other characters', { code: `${'A'.repeat(42)}=` }],
  ])('refuses a redemption with %s (400, naming the field) and spends nothing', async (_why, body) => {
    const { code } = await linkFor('tom.okafor@council.example');
    const answer = await post(app, '/auth/sign-in-link/redeem', body);
    expect(answer.status).toBe(400);
    expect(new Set(answer.body.errors[0].extensions.validationErrors.map((v: { field: string }) => v.field))).toEqual(new Set(['code']));
    expect((await redeem(app, code)).status).toBe(200);
  });

  it('still needs a bearer token everywhere else', async () => {
    expect((await app.gqlWithAuthorization(undefined, '{ me { id } }')).status).toBe(401);
  });
});
