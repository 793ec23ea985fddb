import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../apps/api/src/config/app-config';
import { ReminderSenderService } from '../apps/api/src/reminders/reminder-sender.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { LoopbackSmtpServer, startLoopbackSmtpServer } from './support/loopback-smtp-server';
import { startTestApp, TestApp } from './support/test-app';

type App = Awaited<ReturnType<typeof startTestApp>>;

const OPEN = `mutation ($input: OpenUpdateRoundInput!) { openUpdateRound(input: $input) { id } }`;
const REMINDERS = `query ($planId: ID!) { reminders(planId: $planId) { key status recipients attempts lastError retryAfter } }`;
const SET_EMAIL = `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id email } }`;

const settings = (transport: NonNullable<AppConfig['reminders']>['transport'], scheduler = false): AppConfig['reminders'] => ({
  scheduler,
  intervalMs: 100,
  leadDays: 2,
  digestWeekday: 7,
  digestTo: [],
  from: 'SEND tracker <reminders@council.example>',
  publicUrl: 'https://tracker.council.example',
  transport,
});

const owner = (name: string) => ({ name, role: 'Lead', organisation: 'Council' });
const run = (app: TestApp) => app.app.get(ReminderSenderService).run();

async function eventually<T>(check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A plan with one open action for each named owner, each owner with an address, and a round open (Monday 26 October 2026). */
async function planWithRound(app: TestApp, planId: string, owners: string[], titleOf = (name: string) => `Action of ${name}`, roundTitle = 'Updates for the November board'): Promise<void> {
  for (const [i, name] of owners.entries()) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@council.example`;
    await app.addUser({ userId: `user-${planId}-${i}`, owner: { name, organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'], email });
  }
  expect((await app.gql(CREATE_PLAN, { input: planInput(planId) })).errors).toBeUndefined();
  for (const [i, name] of owners.entries()) {
    const added = await app.gql(ADD_ACTION, { input: actionInput(planId, `1.${i + 1}`, { owner: owner(name), title: titleOf(name), dueDate: '2027-03-31', milestones: [] }) });
    expect(added.errors).toBeUndefined();
  }
  expect((await app.gql(OPEN, { input: { planId, title: roundTitle, deadline: '2026-11-09' } })).errors).toBeUndefined();
}

describe('The embedded default: mails as .eml files, checked on the interval', () => {
  let app: App;
  const outbox = mkdtempSync(join(tmpdir(), 'send-outbox-'));

  afterAll(async () => {
    await app?.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('writes one .eml per owner on its own, and none again after a restart', async () => {
    const config = settings({ type: 'folder', dir: outbox }, true);
    app = await startTestApp({ now: '2026-10-26T09:00:00.000Z', reminders: config });
    await planWithRound(app, 'folder', ['Helen Marsh', 'Tom Okafor'], (name) => `${name}'s <b>plan</b>`, 'November board\r\nBcc: someone@evil.example');

    const files = await eventually(() => {
      const eml = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
      return eml.length === 2 ? eml : undefined;
    });
    // Unfolded, so a long header reads as one line.
    const mails = files.map((f) => readFileSync(join(outbox, f), 'utf8').replace(/\n[ \t]+/g, ' '));
    const helen = mails.find((m) => m.includes('To: helen.marsh@council.example'))!;
    expect(helen).toBeDefined();
    expect(helen).toMatch(/^Subject: November board Bcc: someone@evil.example: please update 1 action by 9 November 2026$/m);
    expect(helen).toMatch(/^Message-ID: <reminder-[0-9a-f-]{36}@council\.example>$/m);
    expect(helen).toContain('Content-Type: multipart/alternative');
    expect(helen).toContain('Helen Marsh&#39;s &lt;b&gt;plan&lt;/b&gt;');
    // A line break typed into the round's title cannot add a header.
    expect(helen).not.toMatch(/^Bcc:/m);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const eventsBefore = (await app.allEvents()).filter((e) => e.streamId.startsWith('reminder-'));
    expect(eventsBefore.map((e) => e.type).sort()).toEqual(['ReminderClaimed', 'ReminderClaimed', 'ReminderSent', 'ReminderSent']);
    await app.close({ discard: false });
    app = await startTestApp({ now: '2026-10-26T10:00:00.000Z', reminders: config, reuse: { dataDir: app.dataDir } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const eventsAfter = (await app.allEvents()).filter((e) => e.streamId.startsWith('reminder-'));
    expect(eventsAfter.map((e) => e.id)).toEqual(eventsBefore.map((e) => e.id));
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
  }, 30_000);
});

describe('Delivery failures and two instances, over a real SMTP server', () => {
  let smtp: LoopbackSmtpServer;
  let app: App;

  beforeAll(async () => {
    smtp = await startLoopbackSmtpServer();
    app = await startTestApp({ now: '2026-10-26T09:00:00.000Z', reminders: settings({ type: 'smtp', url: smtp.url }) });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('retries a temporary refusal after the back-off and gives up on a permanent one', async () => {
    await planWithRound(app, 'retry', ['Rachel Whitfield', 'Priya Shah']);
    smtp.refuse('rachel.whitfield@council.example', 451);
    smtp.refuse('priya.shah@council.example', 550);
    expect(await run(app)).toMatchObject({ sent: 0, failed: 2 });
    // IT sees the failures without reading the reminders: a counter on /metrics (docs/monitoring.md).
    const metrics = await (await fetch(app.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/^send_reminder_failures_total\{stage="send"\} 2$/m);
    const listed = async () => (await app.gql(REMINDERS, { planId: 'retry' })).data.reminders;
    expect(await listed()).toHaveLength(2);
    expect(await listed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'FAILED', recipients: ['rachel.whitfield@council.example'], attempts: 1, retryAfter: '2026-10-26T09:05:00.000Z' }),
        expect.objectContaining({ status: 'GAVE_UP', recipients: ['priya.shah@council.example'], attempts: 1, retryAfter: null }),
      ]),
    );
    expect((await listed()).every((r: { lastError: string }) => /refused/.test(r.lastError))).toBe(true);

    smtp.accept('rachel.whitfield@council.example');
    smtp.accept('priya.shah@council.example');
    app.clock.set('2026-10-26T09:04:59.000Z');
    expect(await run(app)).toMatchObject({ sent: 0, alreadyHandled: 2 });
    app.clock.set('2026-10-26T09:05:00.000Z');
    expect(await run(app)).toMatchObject({ sent: 1, alreadyHandled: 1 });
    expect(smtp.received.map((m) => m.to)).toEqual([['rachel.whitfield@council.example']]);
    expect((await listed()).map((r: { status: string; attempts: number }) => [r.status, r.attempts]).sort()).toEqual([['GAVE_UP', 1], ['SENT', 2]]);
  });

  it('sends each reminder once when two api instances check at the same moment', async () => {
    await planWithRound(app, 'pair', ['Owner One', 'Owner Two', 'Owner Three', 'Owner Four']);
    // Two instances on one SQLite read database take turns at its lock; a projection batch that
    // loses the turn is retried, which is what this contention is meant to show is harmless.
    const locked = /Projection batch failed; will retry: SqliteError: database is locked/;
    const withdraw = app.expectErrors(locked);
    const second = await startTestApp({ now: '2026-10-26T09:10:00.000Z', reminders: settings({ type: 'smtp', url: smtp.url }), reuse: { dataDir: app.dataDir }, expectedErrors: [locked] });
    try {
      smtp.received.length = 0;
      const [a, b] = await Promise.all([run(app), run(second)]);
      expect(a.sent + b.sent).toBe(4);
      expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['owner.four@council.example', 'owner.one@council.example', 'owner.three@council.example', 'owner.two@council.example']);
    } finally {
      await second.close({ discard: false });
      withdraw();
    }
  }, 30_000);

  it('sets an address, refusing a malformed one and recording nothing; registers a person with one', async () => {
    await app.addUser({ userId: 'user-pair-0', roles: ['ACTION_OWNER'], areas: ['test-area'] });
    const before = await app.allEvents();
    const bad = await app.gql(SET_EMAIL, { input: { userId: 'user-pair-0', email: 'owner.one at council' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0]?.message).toContain('email');
    expect((await app.allEvents()).length).toBe(before.length);
    const good = await app.gql(SET_EMAIL, { input: { userId: 'user-pair-0', email: 'o.one@council.example' } });
    expect(good.data.setUserEmail).toEqual({ id: 'user-pair-0', email: 'o.one@council.example' });
    const registered = await app.gql(`mutation ($input: RegisterUserInput!) { registerUser(input: $input) { id email } }`, {
      input: { userId: 'new.owner', displayName: 'New Owner', email: 'new.owner@council.example' },
    });
    expect(registered.data.registerUser).toEqual({ id: 'new.owner', email: 'new.owner@council.example' });
  });
});
