import { AppConfig } from '../apps/api/src/config/app-config';
import { ReminderSenderService } from '../apps/api/src/reminders/reminder-sender.service';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { LoopbackSmtpServer, startLoopbackSmtpServer } from './support/loopback-smtp-server';
import { startTestApp, TestApp } from './support/test-app';

const OPEN = `mutation ($input: OpenUpdateRoundInput!) { openUpdateRound(input: $input) { id } }`;
const CLOSE = `mutation ($input: CloseUpdateRoundInput!) { closeUpdateRound(input: $input) { id } }`;
const REMINDERS = `query ($planId: ID!) { reminders(planId: $planId) { id key status recipients attempts revision resends resendReason } }`;
const RESEND = `mutation ($input: ResendReminderInput!) { resendReminder(input: $input) { id status attempts revision resends resendReason } }`;
const SET_EMAIL = `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id email } }`;

const HELEN = 'helen.marsh@council.example';
const TOM = 'tom.okafor@council.example';

const settings = (smtpUrl: string): AppConfig['reminders'] => ({
  scheduler: false,
  intervalMs: 60_000,
  leadDays: 2,
  digestWeekday: 7,
  digestTo: [],
  from: 'SEND tracker <reminders@council.example>',
  publicUrl: 'https://tracker.council.example',
  transport: { type: 'smtp', url: smtpUrl },
});

type Reminder = { id: string; key: string; status: string; recipients: string[]; attempts: number; revision: number | null; resends: number; resendReason: string | null };

type App = Awaited<ReturnType<typeof startTestApp>>;

const run = (app: TestApp) => app.app.get(ReminderSenderService).run();

/**
 * The programme office sends a reminder again on purpose, over HTTP; the mail goes over SMTP to a
 * real server on loopback, as in reminders.e2e-spec.ts. Monday 26 October 2026, a round open.
 */
describe('Sending a reminder again, from the API', () => {
  let smtp: LoopbackSmtpServer;
  let app: App;
  let roundId: string;
  const reminders = async (): Promise<Reminder[]> => (await app.gql(REMINDERS, { planId: 'resend' })).data.reminders;
  const reminderTo = async (address: string) => (await reminders()).find((r) => r.recipients.includes(address))!;
  const resend = (r: Reminder, reason = 'Helen lost the mail', as = 'tester') =>
    app.as(as).gql(RESEND, { input: { reminderId: r.id, expectedRevision: r.revision, reason } });
  const streamOf = async (r: Reminder) => (await app.allEvents()).filter((e) => e.streamId === `reminder-${r.id}`);

  beforeAll(async () => {
    smtp = await startLoopbackSmtpServer();
    app = await startTestApp({ now: '2026-10-26T09:00:00.000Z', reminders: settings(smtp.url) });
    await app.addUser({ userId: 'helen', owner: { name: 'Helen Marsh', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'], email: HELEN });
    await app.addUser({ userId: 'tom', owner: { name: 'Tom Okafor', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'], email: 'tom.okafor@council.invalid' });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'chair', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    expect((await app.gql(CREATE_PLAN, { input: planInput('resend') })).errors).toBeUndefined();
    for (const [ref, name] of [['1.1', 'Helen Marsh'], ['1.2', 'Tom Okafor']]) {
      const added = await app.gql(ADD_ACTION, { input: actionInput('resend', ref, { owner: { name, role: 'Lead', organisation: 'Council' }, title: `Action of ${name}`, dueDate: '2027-03-31', milestones: [] }) });
      expect(added.errors).toBeUndefined();
    }
    const opened = await app.gql(OPEN, { input: { planId: 'resend', title: 'Updates for the November board', deadline: '2026-11-09' } });
    expect(opened.errors).toBeUndefined();
    roundId = opened.data.openUpdateRound.id;
    // Tom's address is wrong: the server refuses it for good, so his reminder is given up.
    smtp.refuse('tom.okafor@council.invalid', 550);
    expect(await run(app)).toMatchObject({ sent: 1, failed: 1 });
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('sends a sent reminder exactly once more, with a Message-ID of its own, and records who asked and why', async () => {
    const helen = await reminderTo(HELEN);
    expect(helen).toMatchObject({ status: 'SENT', attempts: 1, revision: 1, resends: 0 });
    const asked = await resend(helen);
    expect(asked.errors).toBeUndefined();
    expect(asked.data.resendReminder).toEqual({ id: helen.id, status: 'RESEND_REQUESTED', attempts: 1, revision: 2, resends: 1, resendReason: 'Helen lost the mail' });

    expect(await run(app)).toMatchObject({ sent: 1, alreadyHandled: 1 });
    const mails = smtp.received.filter((m) => m.to[0] === HELEN);
    expect(mails).toHaveLength(2);
    expect(mails[1].header('Subject')).toBe(mails[0].header('Subject'));
    expect(mails[1].header('Message-ID')).toBe(`<reminder-${helen.id}-resend-1@council.example>`);
    expect(mails[0].header('Message-ID')).toBe(`<reminder-${helen.id}@council.example>`);
    expect(await reminderTo(HELEN)).toMatchObject({ status: 'SENT', attempts: 2, revision: 4, resends: 1 });

    // Once gone, it is not sent again by later checks.
    expect(await run(app)).toMatchObject({ sent: 0 });
    expect(smtp.received.filter((m) => m.to[0] === HELEN)).toHaveLength(2);
    const events = await streamOf(helen);
    expect(events.map((e) => [e.type, e.metadata.actor?.userId])).toEqual([
      ['ReminderClaimed', 'system'],
      ['ReminderSent', 'system'],
      ['ReminderResendRequested', 'tester'],
      ['ReminderClaimed', 'system'],
      ['ReminderSent', 'system'],
    ]);
    expect(events[2].data).toEqual({ reminderId: helen.id, requestedBy: 'tester', reason: 'Helen lost the mail', requestedAt: '2026-10-26T09:00:00.000Z' });
    expect(events[2].metadata.schemaVersion).toBe(1);
  });

  it('refuses a second request before the first has gone, and appends nothing', async () => {
    const helen = await reminderTo(HELEN);
    expect((await resend(helen, 'Still not arrived')).errors).toBeUndefined();
    const waiting = await reminderTo(HELEN);
    const before = (await app.allEvents()).length;
    const again = await resend(waiting, 'Asking twice');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'noResendWaiting' });
    expect(again.errors?.[0]?.message).toContain('tester has already asked for it to be sent again');
    expect((await app.allEvents()).length).toBe(before);

    expect(await run(app)).toMatchObject({ sent: 1 });
    expect(smtp.received.filter((m) => m.to[0] === HELEN)).toHaveLength(3);
    expect(smtp.received.at(-1)!.header('Message-ID')).toBe(`<reminder-${helen.id}-resend-2@council.example>`);
  });

  it('sends a given-up reminder again after the address is put right, once the round has even closed, with two instances checking at once', async () => {
    const tom = await reminderTo('tom.okafor@council.invalid');
    expect(tom).toMatchObject({ status: 'GAVE_UP', attempts: 1 });
    expect((await app.gql(SET_EMAIL, { input: { userId: 'tom', email: TOM } })).errors).toBeUndefined();
    expect((await app.gql(CLOSE, { input: { planId: 'resend', roundId } })).errors).toBeUndefined();
    expect((await resend(tom, 'Address corrected')).errors).toBeUndefined();

    const locked = /Projection batch failed; will retry: SqliteError: database is locked/;
    const withdraw = app.expectErrors(locked);
    const second = await startTestApp({ now: '2026-10-26T09:00:00.000Z', reminders: settings(smtp.url), reuse: { dataDir: app.dataDir }, expectedErrors: [locked] });
    try {
      const [a, b] = await Promise.all([run(app), run(second)]);
      expect(a.sent + b.sent).toBe(1);
    } finally {
      await second.close({ discard: false });
      withdraw();
    }
    const toTom = smtp.received.filter((m) => m.to[0] === TOM);
    expect(toTom).toHaveLength(1);
    expect(toTom[0].header('Subject')).toBe('Updates for the November board: please update 1 action by 9 November 2026');
    expect(toTom[0].body).toContain('1.2 Action of Tom Okafor');
    expect(await reminderTo(TOM)).toMatchObject({ status: 'SENT', attempts: 2, resends: 1, resendReason: 'Address corrected' });
  }, 30_000);

  it('refuses a stale revision, a blank reason, and anyone but the programme office of the area, appending nothing', async () => {
    const helen = await reminderTo(HELEN);
    const before = (await app.allEvents()).length;
    const stale = await app.gql(RESEND, { input: { reminderId: helen.id, expectedRevision: 1, reason: 'Lost' } });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    const blank = await resend(helen, '  ');
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', rule: 'required' });
    for (const userId of ['adviser', 'chair', 'helen']) {
      const refused = await resend(helen, 'Lost', userId);
      expect({ userId, ext: refused.errors?.[0]?.extensions }).toMatchObject({ userId, ext: { code: 'FORBIDDEN', rule: 'roleAllows' } });
    }
    const hidden = await resend(helen, 'Lost', 'elsewhere');
    expect(hidden.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const never = await app.gql(RESEND, { input: { reminderId: '00000000-0000-4000-8000-000000000000', expectedRevision: 0, reason: 'Lost' } });
    expect(never.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'reminderExists' });
    expect((await app.allEvents()).length).toBe(before);
  });
});
