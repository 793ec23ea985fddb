import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The board's days are UK days. In 2026 BST runs from 01:00 UTC on 29 March to 01:00 UTC on
 * 25 October, so 23:30 UTC in summer is already the next day in London; in winter UTC and London agree.
 */
const ACTION = `query ($id: ID!) { action(id: $id) { overdue lastAsAt milestones { dueDate overdue } } }`;
const PLAN_AS_AT = `query ($asAt: String) { plan(id: "london", asAt: $asAt) { asAt rollUp { total overdue } } }`;
const progress = change('reportProgress', 'ReportProgressInput');

describe('Days follow Europe/London, not UTC', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({
      now: '2026-01-10T09:00:00.000Z',
      // Nothing is sent here: the reminders query only asks which mails are due today.
      reminders: { scheduler: false, intervalMs: 60_000, leadDays: 3, digestWeekday: 7, digestTo: [], from: 'tracker@council.example', publicUrl: 'https://tracker.example', transport: { type: 'folder', dir: '/nonexistent-outbox' } },
    });
    expect((await app.gql(CREATE_PLAN, { input: planInput('london') })).errors).toBeUndefined();
    for (const [ref, dueDate] of [['1.1', '2026-07-31'], ['1.2', '2026-01-15'], ['1.3', '2026-12-31']]) {
      const added = await app.gql(ADD_ACTION, { input: actionInput('london', ref, { dueDate, milestones: [{ title: 'Draft agreed', dueDate }] }) });
      expect(added.errors).toBeUndefined();
      ids[ref] = added.data.addAction.id;
    }
  });

  afterAll(() => app?.close());

  it('at 00:30 BST on 1 August (23:30Z on 31 July) an action due on 31 July is overdue', async () => {
    app.clock.set('2026-07-31T23:30:00.000Z');
    const action = (await app.gql(ACTION, { id: ids['1.1'] })).data.action;
    expect(action.overdue).toBe(true);
    expect(action.milestones[0]).toEqual({ dueDate: '2026-07-31', overdue: true });
    app.clock.set('2026-07-31T22:59:00.000Z');
    expect((await app.gql(ACTION, { id: ids['1.1'] })).data.action.overdue).toBe(false);
  });

  it('in winter, 23:30Z is still the same day in London: due today is not overdue', async () => {
    app.clock.set('2026-01-15T23:30:00.000Z');
    expect((await app.gql(ACTION, { id: ids['1.2'] })).data.action.overdue).toBe(false);
    app.clock.set('2026-01-16T00:00:00.000Z');
    expect((await app.gql(ACTION, { id: ids['1.2'] })).data.action.overdue).toBe(true);
  });

  it('accepts progress "as at" the London day just begun, which UTC would call tomorrow', async () => {
    app.clock.set('2026-03-31T23:30:00.000Z');
    const res = await app.gql(progress, { input: { actionId: ids['1.3'], expectedRevision: 1, rag: 'GREEN', commentary: 'Started', asAt: '2026-04-01' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportProgress.lastAsAt).toBe('2026-04-01');
    const tooSoon = await app.gql(progress, { input: { actionId: ids['1.3'], expectedRevision: 2, rag: 'GREEN', commentary: 'Later', asAt: '2026-04-02' } });
    expect(tooSoon.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asAt', rule: 'notInFuture' });
  });

  it('sends the Sunday digest from 00:30 BST on Sunday, which UTC still calls Saturday', async () => {
    const digests = async () => (await app.gql(`{ reminders(planId: "london") { kind key } }`)).data.reminders.filter((r: { kind: string }) => r.kind === 'WEEKLY_DIGEST');
    app.clock.set('2026-08-01T22:30:00.000Z'); // 23:30 BST on Saturday 1 August
    expect(await digests()).toEqual([]);
    app.clock.set('2026-08-01T23:30:00.000Z'); // 00:30 BST on Sunday 2 August
    expect(await digests()).toEqual([{ kind: 'WEEKLY_DIGEST', key: 'digest:london:2026-W31' }]);
  });

  it('"as at 31 March" ends at midnight in London, so the update at 00:30 BST on 1 April is not in it', async () => {
    app.clock.set('2026-06-15T10:00:00.000Z');
    const march = (await app.gql(PLAN_AS_AT, { asAt: '2026-03-31' })).data.plan;
    expect(march.asAt).toBe('2026-03-31T22:59:59.999Z');
    const asAtMarch = await app.gql(`query { action(id: "${ids['1.3']}", asAt: "2026-03-31") { lastAsAt } }`);
    expect(asAtMarch.data.action.lastAsAt).toBeNull();
    const april = await app.gql(`query { action(id: "${ids['1.3']}", asAt: "2026-04-01") { lastAsAt } }`);
    expect(april.data.action.lastAsAt).toBe('2026-04-01');
    // In winter the end of the UK day is the end of the UTC day.
    expect((await app.gql(PLAN_AS_AT, { asAt: '2026-01-15' })).data.plan.asAt).toBe('2026-01-15T23:59:59.999Z');
  });
});
