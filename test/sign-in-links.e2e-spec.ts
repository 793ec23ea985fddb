import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { AddressInfo, createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SignInLinkEntity } from '@send/read-models';
import { AppConfig } from '../apps/api/src/config/app-config';
import { hashSignInCode } from '../apps/api/src/sign-in-links/sign-in-code';
import { SignInLinkService } from '../apps/api/src/sign-in-links/sign-in-link.service';
import { startLoopbackSmtpServer } from './support/loopback-smtp-server';
import { outboxMails, signInLinkIn } from './support/outbox';
import { DEFAULT_TEST_NOW, startTestApp, TEST_AREA } from './support/test-app';
import { describeWithPostgres } from './support/test-postgres';

type App = Awaited<ReturnType<typeof startTestApp>>;

const SAME_ANSWER = { message: 'If that address belongs to someone with access, a link is on its way.' };
const EXPIRED_OR_USED = 'This sign-in link has expired or has already been used. Ask for a new one.';
const FROM = 'SEND tracker <sign-in@council.example>';
const PUBLIC_URL = 'https://tracker.council.example';

const mailSettings = (transport: NonNullable<AppConfig['reminders']>['transport']): AppConfig['reminders'] => ({
  scheduler: false,
  intervalMs: 60_000,
  leadDays: 2,
  digestWeekday: 1,
  digestTo: [],
  from: FROM,
  publicUrl: PUBLIC_URL,
  transport,
});

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

const base = (app: App) => app.url.replace(/\/graphql$/, '');

async function post(app: App, path: string, body: unknown, contentType = 'application/json'): Promise<Answer> {
  const response = await fetch(`${base(app)}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const askForLink = (app: App, email: unknown) => post(app, '/auth/sign-in-link', { email });
const redeem = (app: App, code: unknown) => post(app, '/auth/sign-in-link/redeem', { code });
const settled = (app: App) => app.app.get(SignInLinkService).whenIdle();
const storedLinks = (app: App) => app.app.get(DataSource).getRepository(SignInLinkEntity).find();

async function me(app: App, token: string): Promise<string | undefined> {
  const res = await app.gqlWithAuthorization(`Bearer ${token}`, '{ me { id displayName } }');
  return res.data?.me.id;
}

const addPeople = async (app: App) => {
  await app.addUser({ userId: 'helen.marsh', displayName: 'Helen Marsh', roles: ['ACTION_OWNER'], areas: [TEST_AREA], email: 'Helen.Marsh@council.example' });
  await app.addUser({ userId: 'tom.okafor', displayName: 'Tom Okafor', roles: ['BOARD_MEMBER'], areas: [TEST_AREA], email: 'tom.okafor@council.example' });
  // Registered, with an address, but no role anywhere: not someone with access.
  await app.addUser({ userId: 'no.roles', displayName: 'No Roles', roles: [], areas: [], email: 'no.roles@council.example' });
};

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

describe('Sign-in links: how often one may ask', () => {
  let app: App;

  beforeAll(async () => {
    app = await startTestApp({ signInLinks: { linkMinutes: 15, sessionHours: 10, perAddressPerHour: 2, perClientPerHour: 6 } });
    await addPeople(app);
  });

  afterAll(() => app?.close());

  it('limits each address, known or not, in the same way, and allows it again an hour later', async () => {
    for (const email of ['tom.okafor@council.example', 'nobody@council.example']) {
      app.clock.set(DEFAULT_TEST_NOW);
      expect((await askForLink(app, email)).status).toBe(202);
      expect((await askForLink(app, email)).status).toBe(202);
      const refused = await askForLink(app, email.toUpperCase());
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('3600');
      expect(refused.body.errors[0]).toEqual({
        message: 'Too many sign-in links asked for this address. Try again in 60 min.',
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 3600 },
      });
    }
    app.clock.set('2026-06-15T11:00:00.000Z');
    expect((await askForLink(app, 'nobody@council.example')).status).toBe(202);
  });

  it('limits each client, whatever addresses it tries', async () => {
    app.clock.set('2026-06-15T12:00:00.000Z');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await askForLink(app, `person${i}@council.example`)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429]);
  });

  it('limits refused codes from one client', async () => {
    app.clock.set('2026-06-15T13:00:00.000Z');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await redeem(app, String(i).repeat(43))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });
});

describe('Sign-in links over SMTP', () => {
  it('sends the link through the configured server; it signs in', async () => {
    const smtp = await startLoopbackSmtpServer();
    const app = await startTestApp({ reminders: mailSettings({ type: 'smtp', url: smtp.url }) });
    try {
      await addPeople(app);
      expect((await askForLink(app, 'tom.okafor@council.example')).status).toBe(202);
      await settled(app);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(['tom.okafor@council.example']);
      const { code } = signInLinkIn(smtp.received[0].body);
      const session = await redeem(app, code);
      expect(await me(app, session.body.token)).toBe('tom.okafor');
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});

describe('Sign-in links: who the client is', () => {
  const askFrom = (app: App, forwardedFor: string, email: string) =>
    fetch(`${base(app)}/auth/sign-in-link`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ email }) }).then((r) => r.status);

  it('ignores X-Forwarded-For by default, so a client cannot dodge its limit by naming another address', async () => {
    const app = await startTestApp({ signInLinks: { linkMinutes: 15, sessionHours: 10, perAddressPerHour: 100, perClientPerHour: 2 } });
    try {
      expect([await askFrom(app, '203.0.113.1', 'a@council.example'), await askFrom(app, '203.0.113.2', 'b@council.example'), await askFrom(app, '203.0.113.3', 'c@council.example')]).toEqual([202, 202, 429]);
    } finally {
      await app.close();
    }
  });

  it('with TRUST_PROXY naming the proxy, counts each client behind it on its own', async () => {
    const app = await startTestApp({ trustProxy: 'loopback', signInLinks: { linkMinutes: 15, sessionHours: 10, perAddressPerHour: 100, perClientPerHour: 2 } });
    try {
      const statuses = [];
      for (const client of ['203.0.113.1', '203.0.113.2']) for (const email of ['a', 'b', 'c']) statuses.push(await askFrom(app, client, `${email}@council.example`));
      expect(statuses).toEqual([202, 202, 429, 202, 202, 429]);
    } finally {
      await app.close();
    }
  });
});

describe('Sign-in links: the answer does not wait for the mail', () => {
  it('answers while the mail server has not even said hello, so the time taken tells nothing', async () => {
    // A server that takes the connection and never greets: a send cannot finish until it is closed.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const app = await startTestApp({ reminders: mailSettings({ type: 'smtp', host: '127.0.0.1', port, secure: false }) });
    try {
      await addPeople(app);
      const answer = await askForLink(app, 'tom.okafor@council.example');
      expect(answer).toMatchObject({ status: 202, body: SAME_ANSWER });
      for (let i = 0; sockets.length === 0 && i < 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(sockets).toHaveLength(1);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await app.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('With an identity provider (AUTH_MODE=oidc)', () => {
  let app: App;

  beforeAll(async () => {
    app = await startTestApp({ auth: { mode: 'oidc', issuer: 'https://idp.example', audience: 'send-tracker', jwksUrl: 'http://127.0.0.1:9/keys', userClaim: 'sub' } });
  });

  afterAll(() => app?.close());

  it('offers no e-mail links, and the routes do not exist', async () => {
    expect(await (await fetch(`${base(app)}/auth/sign-in-options`)).json()).toEqual({});
    expect((await askForLink(app, 'tom.okafor@council.example')).status).toBe(404);
    expect((await redeem(app, 'A'.repeat(43))).status).toBe(404);
  });
});

describeWithPostgres('Sign-in links with two api instances on one PostgreSQL read database', () => {
  let first: App;
  let second: App;

  beforeAll(async () => {
    first = await startTestApp({ readDatabase: 'postgres' });
    await addPeople(first);
    second = await startTestApp({ readDatabase: 'postgres', reuse: { dataDir: first.dataDir, postgres: first.postgres } });
  }, 30_000);

  afterAll(async () => {
    await second?.close({ discard: false }).catch(() => undefined);
    await first?.close();
  });

  it('a link asked for on one is redeemed once, by whichever instance gets there first', async () => {
    expect((await askForLink(first, 'tom.okafor@council.example')).status).toBe(202);
    await settled(first);
    const [mail] = outboxMails(join(first.dataDir, 'outbox'), 'sign-in-');
    const { code } = signInLinkIn(mail.body);
    const answers = await Promise.all([redeem(first, code), redeem(second, code), redeem(first, code), redeem(second, code)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401]);
  });
});
