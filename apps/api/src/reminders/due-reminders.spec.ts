import { dueReminders, isoWeekOf, reminderToResend, ReminderSituation } from './due-reminders';
import { renderReminderMail } from './reminder-mail.renderer';

describe('isoWeekOf', () => {
  it.each([
    ['2026-11-02', 1, '2026-W45', '2026-11-02'],
    ['2026-11-08', 7, '2026-W45', '2026-11-02'],
    ['2027-01-01', 5, '2026-W53', '2026-12-28'],
    ['2024-12-30', 1, '2025-W01', '2024-12-30'],
    ['2021-01-03', 7, '2020-W53', '2020-12-28'],
  ])('%s is weekday %i of %s, which starts on %s', (date, weekday, week, monday) => {
    expect(isoWeekOf(date)).toEqual({ weekday, week, monday });
  });
});

describe('dueReminders', () => {
  const action = (ref: string, ownerId: string, lastAsAt: string | null, rag = 'GREEN', deliveryConfidence: 'HIGH' | 'MEDIUM' | 'LOW' | null = 'HIGH') => ({
    actionId: `a-${ref}`,
    ref,
    title: `Action ${ref}`,
    dueDate: '2027-03-31',
    originalDueDate: '2027-03-31',
    rag,
    lastUpdatedOn: lastAsAt ?? '2026-10-26',
    planId: 'p',
    ownerId,
    ownerName: ownerId,
    status: 'OPEN',
    lastAsAt,
    deliveryConfidence,
  });
  const situation = (today: string): ReminderSituation => ({
    today,
    leadDays: 2,
    digestWeekday: 7,
    digestTo: [],
    plans: [{ planId: 'p', title: 'Plan', staleAfterDays: 42, administrators: ['office@council.example'] }],
    openRounds: [{ roundId: 'r', planId: 'p', title: 'Round', openedOn: '2026-11-02', deadline: '2026-11-06' }],
    openActions: [action('1.1', 'helen', null), action('1.2', 'helen', '2026-11-03'), action('1.3', 'tom', '2026-10-30')],
    dependencies: [],
    ownerAddresses: (_plan, owner) => (owner === 'tom' ? [] : [`${owner}@council.example`]),
  });
  const keys = (today: string) => dueReminders(situation(today)).map((r) => [r.key, r.recipients, r.content.actions.map((a) => a.ref)]);

  it('asks each owner with actions not updated since the round opened, and only for those actions', () => {
    expect(keys('2026-11-03')).toEqual([
      ['round-opened:r:helen', ['helen@council.example'], ['1.1']],
      ['round-opened:r:tom', [], ['1.3']],
    ]);
  });

  it('adds the deadline reminder from the lead time to the deadline, and nothing after it', () => {
    expect(keys('2026-11-04').map(([key]) => key)).toEqual(['round-opened:r:helen', 'round-deadline:r:helen', 'round-opened:r:tom', 'round-deadline:r:tom']);
    expect(keys('2026-11-07')).toEqual([]);
  });

  it('adds the digest from its weekday to the end of the week', () => {
    expect(keys('2026-11-08').map(([key]) => key)).toEqual(['digest:p:2026-W45']);
  });

  describe('when an action waits for one that is slipping', () => {
    // 1.3 (Tom's) waits for 1.2 (Helen's), which has just been rated Red; 1.1 waits for 1.3.
    const slipping = (today: string): ReminderSituation => ({
      ...situation(today),
      openActions: [action('1.1', 'helen', null), action('1.2', 'helen', '2026-11-03', 'RED'), action('1.3', 'tom', '2026-10-30')],
      dependencies: [
        { actionId: 'a-1.3', dependsOnActionId: 'a-1.2' },
        { actionId: 'a-1.1', dependsOnActionId: 'a-1.3' },
      ],
    });

    it("tells the owner in the round mail, beside each of their actions at risk", () => {
      const mails = dueReminders(slipping('2026-11-03'));
      expect(mails.map((m) => [m.key, m.content.actions.map((a) => [a.ref, a.atRiskFrom])])).toEqual([
        ['round-opened:r:helen', [['1.1', ['1.2 (Red)']]]],
        ['round-opened:r:tom', [['1.3', ['1.2 (Red)']]]],
      ]);
      const text = renderReminderMail(mails[1].content, 'https://tracker.example').text;
      expect(text).toContain('- 1.3 Action 1.3 (due 31 March 2027; at risk from 1.2 (Red))');
    });

    it('lists them in the digest for the programme office', () => {
      const [digest] = dueReminders(slipping('2026-11-08'));
      expect(digest.content.atRisk.map((a) => [a.ref, a.atRiskFrom])).toEqual([
        ['1.1', ['1.2 (Red)']],
        ['1.3', ['1.2 (Red)']],
      ]);
      const text = renderReminderMail(digest.content, 'https://tracker.example').text;
      expect(text).toContain('AT RISK FROM A DEPENDENCY\nOpen actions waiting for an action that is slipping (Red, overdue or moved later):\n- 1.1 Action 1.1 (at risk from 1.2 (Red))');
      expect(renderReminderMail(dueReminders(situation('2026-11-08'))[0].content, 'https://tracker.example').text).toContain('No open action is waiting for an action that is slipping.');
    });
  });

  describe("with each action's delivery confidence", () => {
    // Helen's 1.1 is rated Low and 1.4 not yet rated; 1.5 is Medium. Tom's 1.3 is High.
    const rated = (today: string): ReminderSituation => ({
      ...situation(today),
      openActions: [action('1.1', 'helen', null, 'GREEN', 'LOW'), action('1.4', 'helen', null, 'AMBER', null), action('1.5', 'helen', null, 'GREEN', 'MEDIUM'), action('1.3', 'tom', '2026-10-30')],
    });
    const mail = (today: string, key: string) => renderReminderMail(dueReminders(rated(today)).find((m) => m.key === key)!.content, 'https://tracker.example');

    it('tells the owner, beside each action, where it is Low or not yet rated, and asks for a rating when they update', () => {
      const { text, html } = mail('2026-11-03', 'round-opened:r:helen');
      expect(text).toContain('- 1.1 Action 1.1 (due 31 March 2027; delivery confidence Low)');
      expect(text).toContain('- 1.4 Action 1.4 (due 31 March 2027; delivery confidence not yet rated)');
      expect(text).toContain('- 1.5 Action 1.5 (due 31 March 2027)\n');
      expect(text).toContain("When you update the 2 actions marked above, please also rate each one's delivery confidence on its page");
      expect(html).toContain('Action 1.1 (due 31 March 2027; delivery confidence Low)</li>');
      expect(html).toContain('<p>When you update the 2 actions marked above, please also rate');
      expect(mail('2026-11-04', 'round-deadline:r:helen').text).toContain('- 1.4 Action 1.4 (due 31 March 2027; delivery confidence not yet rated)');
    });

    it('says nothing of it to an owner whose actions are rated Medium or High, nor in the digest', () => {
      const { text } = mail('2026-11-03', 'round-opened:r:tom');
      expect(text).not.toContain('delivery confidence');
      expect(text).toContain('- 1.3 Action 1.3 (due 31 March 2027)\n');
      expect(mail('2026-11-08', 'digest:p:2026-W45').text).not.toContain('delivery confidence');
    });

    it('asks for the one action, in the singular, when only one is marked', () => {
      const one = (today: string): ReminderSituation => ({ ...rated(today), openActions: [action('1.1', 'helen', null, 'GREEN', 'LOW'), action('1.5', 'helen', null, 'GREEN', 'MEDIUM')] });
      const text = renderReminderMail(dueReminders(one('2026-11-03'))[0].content, 'https://tracker.example').text;
      expect(text).toContain('When you update the action marked above, please also rate its delivery confidence');
    });
  });

  describe('a reminder sent again', () => {
    const recorded = { reminderId: 'r1', key: 'round-opened:r:helen', kind: 'ROUND_OPENED' as const, planId: 'p', roundId: 'r', ownerId: 'helen', addressee: 'helen', actionRefs: ['1.1', '1.9'] };
    const round = { title: 'Round', deadline: '2026-11-06' };

    it('lists those of its actions still open, under its round even once closed, to the addresses its people have now', () => {
      const resent = reminderToResend({ ...situation('2026-11-20'), openRounds: [], ownerAddresses: () => ['helen.new@council.example'] }, recorded, round)!;
      expect([resent.key, resent.recipients, resent.content.round, resent.content.actions.map((a) => a.ref)]).toEqual(['round-opened:r:helen', ['helen.new@council.example'], round, ['1.1']]);
    });

    it('says the digest as it stands this week', () => {
      const digest = { ...recorded, key: 'digest:p:2026-W40', kind: 'WEEKLY_DIGEST' as const, roundId: null, ownerId: null, actionRefs: [] };
      const resent = reminderToResend(situation('2026-11-20'), digest, null)!;
      expect([resent.key, resent.recipients, resent.content.weekOf]).toEqual(['digest:p:2026-W40', ['office@council.example'], '2026-11-16']);
    });

    it('is nothing when its plan or round is gone', () => {
      expect(reminderToResend({ ...situation('2026-11-20'), plans: [] }, recorded, round)).toBeUndefined();
      expect(reminderToResend(situation('2026-11-20'), recorded, null)).toBeUndefined();
    });
  });
});
