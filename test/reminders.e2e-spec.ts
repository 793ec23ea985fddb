import { AppConfig } from '../apps/api/src/config/app-config';
import { ReminderSenderService } from '../apps/api/src/reminders/reminder-sender.service';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { LoopbackSmtpServer, ReceivedMail, startLoopbackSmtpServer } from './support/loopback-smtp-server';
import { startTestApp, TestApp } from './support/test-app';

type App = Awaited<ReturnType<typeof startTestApp>>;

const OPEN = `mutation ($input: OpenUpdateRoundInput!) { openUpdateRound(input: $input) { id } }`;
const RATE = `mutation ($input: RateDeliveryConfidenceInput!) { rateDeliveryConfidence(input: $input) { id revision } }`;
const REMINDERS = `query ($planId: ID!) { reminders(planId: $planId) { id key kind status addressee recipients subject actionRefs attempts sentAt lastError retryAfter } }`;
const REPORT = change('reportProgress', 'ReportProgressInput');

const ALEX = 'alex.morgan@council.example';
const AISHA = 'aisha.rahman@nhs.example';
const OWNERS = {
  alex: { name: 'Alex Morgan', role: 'Finance Lead – High Needs', organisation: 'Council' },
  aisha: { name: 'Dr Aisha Rahman', role: 'Designated Clinical Officer', organisation: 'NHS Dorset ICB' },
  sam: { name: 'Sam Patel', role: 'Head of SEND Assessment', organisation: 'Council' },
};

const reminderSettings = (smtpUrl: string): AppConfig['reminders'] => ({
  // The suite runs the checks itself so it knows when each happened; the timer has its own test below.
  scheduler: false,
  intervalMs: 60_000,
  leadDays: 3,
  digestWeekday: 7,
  digestTo: [],
  from: 'SEND tracker <reminders@council.example>',
  publicUrl: 'https://tracker.council.example',
  transport: { type: 'smtp', url: smtpUrl },
});

const run = (app: TestApp) => app.app.get(ReminderSenderService).run();
const summaryOf = (mails: ReceivedMail[]) => mails.map((m) => ({ to: m.to, subject: m.header('Subject') }));

/**
 * Reminders go over SMTP to a real server on loopback. 2026-10-26 is a Monday; the round's
 * deadline is Monday 9 November; reminders go 3 days before; the digest on Sundays.
 */
describe('Reminder mails, over a real SMTP server', () => {
  let smtp: LoopbackSmtpServer;
  let app: App;
  const actions: Record<string, { id: string; revision: number }> = {};

  beforeAll(async () => {
    smtp = await startLoopbackSmtpServer();
    app = await startTestApp({ now: '2026-08-03T09:00:00.000Z', reminders: reminderSettings(smtp.url) });
    await app.addUser({ userId: 'tester', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['PLAN_ADMINISTRATOR'], areas: ['test-area'], email: ALEX });
    await app.addUser({ userId: 'aisha', owner: OWNERS.aisha, roles: ['ACTION_OWNER'], areas: ['test-area'], email: AISHA });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.gql(CREATE_PLAN, { input: planInput('mail') });
    const add = async (ref: string, owner: (typeof OWNERS)[keyof typeof OWNERS], overrides: Record<string, unknown> = {}) => {
      const result = await app.gql(ADD_ACTION, { input: actionInput('mail', ref, { areaNumber: 1, owner, dueDate: '2027-03-31', milestones: [], ...overrides }) });
      expect(result.errors).toBeUndefined();
      actions[ref] = result.data.addAction;
    };
    // Sam's action is added in August and never updated, so it is stale by November; Sam has no address.
    await add('1.4', OWNERS.sam, { title: 'Way Forward meetings when an assessment request is declined' });
    app.clock.set('2026-10-26T09:00:00.000Z');
    await add('1.1', OWNERS.alex, { title: 'High Needs Block deficit recovery plan' });
    await add('1.2', OWNERS.alex, { title: 'Ordinarily Available Provision <toolkit> & "graduated" approach' });
    await add('1.3', OWNERS.aisha, { title: 'EBSNA guidance, co-produced' });
    await add('1.5', OWNERS.aisha, { title: 'Cross-phase transition working group', dueDate: '2026-10-01' });
    // Aisha has rated her actions' delivery confidence: 1.3 High, 1.5 Low. Alex has rated neither of his.
    for (const [ref, confidence] of [['1.3', 'HIGH'], ['1.5', 'LOW']]) {
      const rated = await app.as('aisha').gql(RATE, { input: { actionId: actions[ref].id, expectedRevision: actions[ref].revision, confidence, commentary: 'As the figures show', asAt: '2026-10-26' } });
      expect(rated.errors).toBeUndefined();
      actions[ref] = rated.data.rateDeliveryConfidence;
    }
    const opened = await app.gql(OPEN, { input: { planId: 'mail', title: 'Updates for the November board', deadline: '2026-11-09' } });
    expect(opened.errors).toBeUndefined();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('sends each owner with actions to update one mail listing them, with links; an owner with no address is left unaddressed', async () => {
    const summary = await run(app);

    expect(summary).toMatchObject({ due: 3, sent: 2, unaddressed: 1, failed: 0 });
    const mails = [...smtp.received].sort((a, b) => a.to[0].localeCompare(b.to[0]));
    expect(summaryOf(mails)).toEqual([
      { to: [AISHA], subject: 'Updates for the November board: please update 2 actions by 9 November 2026' },
      { to: [ALEX], subject: 'Updates for the November board: please update 2 actions by 9 November 2026' },
    ]);
    const [aisha, alex] = mails;
    expect(alex.header('From')).toBe('SEND tracker <reminders@council.example>');
    expect(alex.body).toContain('Dear Alex Morgan,');
    expect(alex.body).toContain(`- 1.1 High Needs Block deficit recovery plan (due 31 March 2027; delivery confidence not yet rated)\n  https://tracker.council.example/dashboard/#/actions/${actions['1.1'].id}`);
    expect(alex.body).toContain("When you update the 2 actions marked above, please also rate each one's delivery confidence on its page");
    // Aisha's 1.3 is rated High, so only her Low 1.5 is marked.
    expect(aisha.body).toContain('1.3 EBSNA guidance, co-produced (due 31 March 2027)\n');
    expect(aisha.body).toContain('1.5 Cross-phase transition working group (due 1 October 2026; delivery confidence Low)');
    expect(aisha.body).toContain('When you update the action marked above, please also rate its delivery confidence');
    expect(alex.body).toContain('1.2 Ordinarily Available Provision <toolkit> & "graduated" approach');
    // In the HTML part the title typed by a user is text, never markup.
    expect(alex.body).toContain('Ordinarily Available Provision &lt;toolkit&gt; &amp; &quot;graduated&quot; approach');
    expect(alex.body).not.toContain('1.3');
    expect(aisha.body).toContain('1.3 EBSNA guidance');
    expect(aisha.body).toContain('1.5 Cross-phase transition working group');
    expect(alex.raw).toMatch(/Content-Type: text\/plain/);
    expect(alex.raw).toMatch(/Content-Type: text\/html/);

    const listed = (await app.gql(REMINDERS, { planId: 'mail' })).data.reminders;
    type Listed = { status: string; kind: string; addressee: string; recipients: string[]; actionRefs: string[] };
    expect(listed.map((r: Listed) => [r.status, r.kind, r.addressee, r.recipients, r.actionRefs])).toEqual([
      ['UNADDRESSED', 'ROUND_OPENED', 'Sam Patel', [], ['1.4']],
      ['SENT', 'ROUND_OPENED', 'Dr Aisha Rahman', [AISHA], ['1.3', '1.5']],
      ['SENT', 'ROUND_OPENED', 'Alex Morgan', [ALEX], ['1.1', '1.2']],
    ]);
    const sent = listed.find((r: { recipients: string[] }) => r.recipients[0] === ALEX);
    expect(alex.header('Message-ID')).toBe(`<reminder-${sent.id}@council.example>`);

    const events = (await app.allEvents()).filter((e) => e.streamId === `reminder-${sent.id}`);
    expect(events.map((e) => [e.type, e.metadata.schemaVersion, e.metadata.actor?.userId])).toEqual([
      ['ReminderClaimed', 1, 'system'],
      ['ReminderSent', 1, 'system'],
    ]);
    expect(events[0].data).toMatchObject({ key: expect.stringMatching(/^round-opened:/), recipients: [ALEX], attempt: 1 });
  });

  it('never sends a reminder twice: not on the next check, not from two checks at once, not after a restart', async () => {
    expect(await run(app)).toMatchObject({ sent: 0, alreadyHandled: 2, unaddressed: 1 });
    await Promise.all([run(app), run(app)]);
    expect(smtp.received).toHaveLength(2);

    await app.close({ discard: false });
    app = await startTestApp({ now: '2026-10-27T09:00:00.000Z', reminders: reminderSettings(smtp.url), reuse: { dataDir: app.dataDir } });
    expect(await run(app)).toMatchObject({ sent: 0, alreadyHandled: 2 });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([AISHA, ALEX]);
  }, 30_000);

  it('reminds, before the deadline, only the owners still missing updates, listing only the missing actions', async () => {
    const report = (ref: string, userId: string) =>
      app.as(userId).gql(REPORT, { input: { actionId: actions[ref].id, expectedRevision: actions[ref].revision, rag: 'GREEN', commentary: 'On track', asAt: '2026-10-27' } });
    for (const [ref, userId] of [['1.3', 'aisha'], ['1.5', 'aisha'], ['1.1', 'tester']]) expect((await report(ref, userId)).errors).toBeUndefined();

    app.clock.set('2026-11-05T09:00:00.000Z');
    expect(await run(app)).toMatchObject({ sent: 0 });
    app.clock.set('2026-11-06T09:00:00.000Z');
    expect(await run(app)).toMatchObject({ sent: 1, unaddressed: 2 });

    const [deadline] = smtp.received.slice(2);
    expect(summaryOf([deadline])).toEqual([{ to: [ALEX], subject: 'Reminder: 1 action still to update by 9 November 2026 (Updates for the November board)' }]);
    expect(deadline.body).toContain('1.2 Ordinarily Available Provision');
    expect(deadline.body).not.toContain('1.1 High Needs');
    expect(await run(app)).toMatchObject({ sent: 0 });
  });

  it("sends the programme office a weekly digest of the plan's overdue and stale actions, once a week", async () => {
    app.clock.set('2026-11-08T09:00:00.000Z');
    expect(await run(app)).toMatchObject({ sent: 1 });
    const [digest] = smtp.received.slice(3);
    expect(summaryOf([digest])).toEqual([{ to: [ALEX], subject: 'SEND and AP Improvement Plan: 1 overdue action, 1 stale (week of 2 November 2026)' }]);
    const [overdue, stale] = digest.body.split('Content-Type: text/html')[0].split('STALE');
    expect(overdue).toContain('1.5 Cross-phase transition working group (due 1 October 2026)');
    expect(stale).toContain('1.4 Way Forward meetings when an assessment request is declined (last updated 3 August 2026)');
    expect(overdue).not.toContain('1.4');
    expect(stale).not.toContain('1.5');

    app.clock.set('2026-11-08T20:00:00.000Z');
    expect(await run(app)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(4);
  });

  it('shows the reminders to the programme office and, read only, to the DfE adviser; not to action owners', async () => {
    const asOffice = await app.gql(REMINDERS, { planId: 'mail' });
    expect(asOffice.errors).toBeUndefined();
    expect(asOffice.data.reminders.length).toBeGreaterThan(0);
    const asAdviser = await app.as('adviser').gql(REMINDERS, { planId: 'mail' });
    expect(asAdviser.errors).toBeUndefined();
    expect(asAdviser.data.reminders).toEqual(asOffice.data.reminders);
    const refused = await app.as('aisha').gql(REMINDERS, { planId: 'mail' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'roleAllows' });
  });
});
