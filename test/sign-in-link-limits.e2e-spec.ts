import { AddressInfo, createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { startLoopbackSmtpServer } from './support/loopback-smtp-server';
import { outboxMails, signInLinkIn } from './support/outbox';
import { addPeople, App, askForLink, base, mailSettings, me, redeem, SAME_ANSWER, settled } from './support/sign-in-links';
import { DEFAULT_TEST_NOW, startTestApp } from './support/test-app';
import { describeWithPostgres } from './support/test-postgres';

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
