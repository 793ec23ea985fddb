/// <reference lib="dom" />
// Callbacks handed to page.evaluate run in the browser, where window and document exist.
import { DashboardHarness, describeInChromium, startDashboard } from './support/dashboard-browser';
import { matchScreenshot, settle, texts } from './support/dashboard-page';

const AGENDA = `query ($id: ID!) {
  meetingAgenda(meetingId: $id) {
    followUps { description overdue }
    escalatedRisks { risk { ref } awaitingDecision }
    openChallenges { subjectRef }
    planDecisions { kind }
  }
}`;

describeInChromium('The dashboard in Chromium: the agenda for the next meeting', () => {
  let h: DashboardHarness;
  let meetings: { id: string; title: string; closed: boolean }[];
  /** A board meeting of the demo plan; its id. */
  const schedule = async (date: string, title: string): Promise<string> => {
    const scheduled = await h.app.gql(`mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, { input: { planId: 'demo-plan', type: 'BOARD', date, title } });
    expect(scheduled.errors).toBeUndefined();
    return scheduled.data.scheduleMeeting.id;
  };

  beforeAll(async () => {
    h = await startDashboard();
    meetings = (await h.app.gql(`{ meetings(planId: "demo-plan") { id title closed } }`)).data.meetings;
  }, 60_000);
  afterAll(() => h?.close());
  afterEach(() => expect(h.pageErrors).toEqual([]));

  it('shows, for the latest meeting when all are closed, what the API puts on its agenda', async () => {
    const last = meetings[meetings.length - 1];
    const agenda = (await h.app.gql(AGENDA, { id: last.id })).data.meetingAgenda;
    // The demo's last board carries the overdue capital timeline, decided on R1, and has an open challenge.
    expect(agenda.followUps).toEqual([{ description: 'Report the specialist place capital timeline site by site', overdue: true }]);
    expect(agenda.escalatedRisks.some((r: { awaitingDecision: boolean }) => !r.awaitingDecision)).toBe(true);

    const page = await h.signedIn('dfe-adviser', '#/agenda');
    await page.locator('table.agenda-follow-ups tbody tr').first().waitFor();
    expect(await page.getByLabel('Agenda for the meeting').inputValue()).toBe(last.id);
    expect(await texts(page, 'table.agenda-follow-ups tbody th')).toEqual(agenda.followUps.map((f: { description: string }) => f.description));
    expect(await page.locator('table.agenda-follow-ups tbody tr').first().getAttribute('data-overdue')).toBe('yes');
    expect(await page.locator('table.agenda-follow-ups tbody tr').first().textContent()).toContain('Overdue');
    const risks = await page.locator('ul.agenda-risks li').evaluateAll((items) => items.map((i) => [i.getAttribute('data-ref') ?? '', i.textContent ?? ''] as const));
    expect(risks.map(([ref]) => ref)).toEqual(agenda.escalatedRisks.map((r: { risk: { ref: string } }) => r.risk.ref));
    for (const [i, [, text]] of risks.entries()) {
      expect(text.includes('Awaiting the board’s decision.')).toBe(agenda.escalatedRisks[i].awaitingDecision);
    }
    expect(risks.find(([ref]) => ref === 'R1')?.[1]).toMatch(/Decided on \d+ \w+ \d{4}: Further mitigation, The deficit risk stays Red/);
    expect((await texts(page, 'ul.agenda-challenges li')).map((t) => t.split(' ')[0])).toEqual(agenda.openChallenges.map((c: { subjectRef: string }) => c.subjectRef));
    expect(await texts(page, 'ul.agenda-decisions li')).toContain('The plan: Agreed, A deep dive on specialist place sufficiency at every second board, starting at the next');
    await matchScreenshot(page, 'agenda');
    await page.close();
  });

  it('prefers the first meeting not yet closed, and follows the meeting chosen', async () => {
    const next = await schedule('2026-07-13', 'SEND Improvement Board, July 2026');
    const agenda = (await h.app.gql(AGENDA, { id: next })).data.meetingAgenda;
    const page = await h.signedIn('board-chair', '#/agenda');
    await page.locator('table.agenda-follow-ups tbody tr').first().waitFor();
    expect(await page.getByLabel('Agenda for the meeting').inputValue()).toBe(next);
    // The last board's own follow-up (the Q3 forecast) is carried to July; the capital timeline is still overdue.
    expect(await texts(page, 'table.agenda-follow-ups tbody th')).toEqual(agenda.followUps.map((f: { description: string }) => f.description));
    expect(agenda.followUps).toHaveLength(2);
    expect(await texts(page, 'ul.agenda-decisions li')).toEqual([]);
    await page.getByLabel('Agenda for the meeting').selectOption(meetings[0].id);
    await page.getByText('No follow-up from an earlier meeting is still open.').waitFor();
    await page.close();
  });

  it('reads the agenda as at the meeting chosen in the as-at controls: the meeting that was next then, with what was open then, and no forms', async () => {
    const second = meetings[1];
    const THEN = `query ($at: ID!) { meetings(planId: "demo-plan", asAtMeeting: $at) { id closed } }`;
    const then = (await h.app.gql(THEN, { at: second.id })).data.meetings as { id: string; closed: boolean }[];
    const shown = then.find((m) => !m.closed) ?? then[then.length - 1];
    const AGENDA_AT = `query ($id: ID!, $at: ID) { meetingAgenda(meetingId: $id, asAtMeeting: $at) { followUps { description } escalatedRisks { risk { ref } } openChallenges { subjectRef } } }`;
    const agendaThen = (await h.app.gql(AGENDA_AT, { id: shown.id, at: second.id })).data.meetingAgenda;
    const agendaNow = (await h.app.gql(AGENDA_AT, { id: shown.id })).data.meetingAgenda;
    // Otherwise the page could pass by showing today's agenda.
    expect(agendaThen).not.toEqual(agendaNow);
    const descriptions = (a: { followUps: { description: string }[] }) => a.followUps.map((f) => f.description);

    const page = await h.signedIn('board-chair', '#/agenda');
    await page.locator('ul.agenda-risks, table.agenda-follow-ups').first().waitFor();
    await page.selectOption('#as-at-meeting', second.id);
    await page.locator('[data-agenda-as-at]').waitFor();
    expect(await settle(() => page.getByLabel('Agenda for the meeting').inputValue(), shown.id)).toBe(shown.id);
    const rows = () => texts(page, 'table.agenda-follow-ups tbody th');
    expect(await settle(rows, descriptions(agendaThen))).toEqual(descriptions(agendaThen));
    const risks = () => page.locator('ul.agenda-risks li').evaluateAll((items) => items.map((i) => i.getAttribute('data-ref')));
    expect(await settle(risks, agendaThen.escalatedRisks.map((r: { risk: { ref: string } }) => r.risk.ref))).toEqual(agendaThen.escalatedRisks.map((r: { risk: { ref: string } }) => r.risk.ref));
    expect(await page.locator('[data-agenda-as-at]').textContent()).toContain('as known then');
    // Looking at the past changes nothing: no forms, no notes.
    expect(await page.locator('form[data-edit-control="record-plan-decision"], form[data-edit-control="raise-follow-up"], details.follow-up-note').count()).toBe(0);
    await page.close();
  });

  it('fits a phone without scrolling sideways', async () => {
    const page = await h.signedIn('board-chair', '#/agenda');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('ul.agenda-risks').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('lets the person a follow-up names note it and mark it done, shows the board Drop, and the DfE adviser no controls', async () => {
    // The agenda of whichever meeting comes next carries the capital timeline (Fiona Gallagher's), still open and overdue.
    const adviser = await h.signedIn('dfe-adviser', '#/agenda');
    await adviser.locator('table.agenda-follow-ups tbody tr').first().waitFor();
    expect(await adviser.locator('details.follow-up-note').count()).toBe(0);
    await adviser.close();

    const member = await h.signedIn('board-member', '#/agenda');
    await member.locator('table.agenda-follow-ups tbody tr').first().waitFor();
    const rows = await member.locator('table.agenda-follow-ups tbody tr').count();
    expect(await member.locator('details.follow-up-note').count()).toBe(rows);
    await member.locator('details.follow-up-note summary').first().click();
    expect(await member.getByRole('button', { name: 'Drop it' }).first().isVisible()).toBe(true);
    await member.close();

    const page = await h.signedIn('fiona.gallagher', '#/agenda');
    const capital = page.locator('table.agenda-follow-ups tbody tr', { hasText: 'capital timeline' });
    await capital.waitFor();
    // Only her own: any other carried follow-up names someone else.
    expect(await page.locator('details.follow-up-note').count()).toBe(1);
    await capital.locator('summary').click();
    expect(await capital.getByRole('button', { name: 'Drop it' }).count()).toBe(0);
    await capital.getByLabel('Note').fill('   ');
    await capital.getByRole('button', { name: 'Mark done' }).click();
    expect(await capital.getByRole('alert').textContent()).toContain('note is required');
    await capital.getByLabel('Note').fill('Timeline presented site by site; third site has consent');
    await capital.getByRole('button', { name: 'Mark done' }).click();
    await capital.waitFor({ state: 'detached' });
    const log = (await h.app.gql(`{ meetingActionLog(planId: "demo-plan", statuses: [DONE]) { description notes { kind note byName } } }`)).data.meetingActionLog;
    const done = log.find((f: { description: string }) => f.description.includes('capital timeline'));
    expect(done.notes.at(-1)).toEqual({ kind: 'COMPLETED', note: 'Timeline presented site by site; third site has consent', byName: 'Fiona Gallagher' });
    await page.close();
  });

  it('lets the board record a decision and ask for a follow-up at an open meeting, with GOV.UK errors and a success banner; others see no forms', async () => {
    const today = await schedule('2026-06-15', 'SEND Improvement Board, extra meeting');
    const before = (await h.app.gql(AGENDA, { id: today })).data.meetingAgenda;
    const { id: riskId, ref: risk } = (await h.app.gql(`query ($id: ID!) { meetingAgenda(meetingId: $id) { escalatedRisks { risk { id ref } } } }`, { id: today })).data.meetingAgenda.escalatedRisks[0].risk;

    for (const userId of ['dfe-adviser', 'programme-office']) {
      const reader = await h.signedIn(userId, '#/agenda');
      await reader.locator('ul.agenda-risks').waitFor();
      expect(await reader.getByLabel('Agenda for the meeting').inputValue()).toBe(today);
      expect(await reader.locator('form[data-edit-control="record-plan-decision"], form[data-edit-control="raise-follow-up"]').count()).toBe(0);
      await reader.close();
    }

    const page = await h.signedIn('board-chair', '#/agenda');
    const decision = page.locator('form[data-edit-control="record-plan-decision"]');
    await decision.waitFor();
    expect(await page.getByLabel('Agenda for the meeting').inputValue()).toBe(today);
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    const summary = decision.locator('[data-error-summary]');
    expect(await summary.textContent()).toContain('Enter what the board decided');
    await summary.getByRole('link', { name: 'Enter what the board decided' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('decision-summary');

    await decision.getByLabel('What it is about').selectOption(riskId);
    await decision.getByLabel('Decision', { exact: true }).selectOption('FURTHER_MITIGATION');
    await decision.getByLabel('What the board decided').fill('Agency case officers until the backlog is cleared');
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    const banner = page.locator('[data-notification]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(`Decision recorded about risk ${risk}: Further mitigation, Agency case officers until the backlog is cleared`);
    await page.locator('ul.agenda-decisions li', { hasText: 'Agency case officers' }).waitFor();
    expect(await texts(page, 'ul.agenda-decisions li')).toContain(`Risk ${risk}: Further mitigation, Agency case officers until the backlog is cleared`);

    const followUp = page.locator('form[data-edit-control="raise-follow-up"]');
    await followUp.getByLabel('What the meeting asks for').fill('Bring the Local Offer usage figures to the next board');
    await followUp.getByLabel('Day').fill('1');
    await followUp.getByLabel('Month').fill('6');
    await followUp.getByLabel('Year').fill('2026');
    await followUp.getByRole('button', { name: 'Record the follow-up' }).click();
    await followUp.locator('[data-error-summary]').waitFor();
    expect(await followUp.locator('[data-error-summary]').textContent()).toContain('Choose who will do it');
    // The owner is picked from the plan's owners (the owner directory), not typed.
    await followUp.getByLabel('Who will do it').selectOption({ label: 'Daniel Price, SEND and AP Lead, Demo Council' });
    await followUp.getByRole('button', { name: 'Record the follow-up' }).click();
    await followUp.locator('[data-error-summary]', { hasText: 'The due date cannot be before the meeting' }).waitFor();
    expect(await followUp.locator('[data-error-summary]').textContent()).toContain('The due date cannot be before the meeting');
    await followUp.getByLabel('Day').fill('13');
    await followUp.getByLabel('Month').fill('7');
    await followUp.getByRole('button', { name: 'Record the follow-up' }).click();
    await page.locator('[data-notification]', { hasText: 'Follow-up recorded' }).waitFor();
    expect(await page.locator('[data-notification]').textContent()).toContain('Follow-up recorded for Daniel Price, due 13 July 2026: Bring the Local Offer usage figures to the next board');
    expect(await followUp.locator('[data-error-summary]').count()).toBe(0);

    const after = (await h.app.gql(AGENDA, { id: today })).data.meetingAgenda;
    expect(after.planDecisions).toEqual([...before.planDecisions, { kind: 'FURTHER_MITIGATION' }]);
    const log = (await h.app.gql(`query ($id: ID!) { meetingActionLog(planId: "demo-plan", meetingId: $id) { description dueDate owner { id name role organisation } } }`, { id: today })).data.meetingActionLog;
    const daniel = (await h.app.gql(`{ owners(planId: "demo-plan") { owner { id name } } }`)).data.owners.find((o: { owner: { name: string } }) => o.owner.name === 'Daniel Price').owner.id;
    expect(log).toEqual([{ description: 'Bring the Local Offer usage figures to the next board', dueDate: '2026-07-13', owner: { id: daniel, name: 'Daniel Price', role: 'SEND and AP Lead', organisation: 'Demo Council' } }]);

    // A meeting not yet held takes no decisions: the API's refusal is shown, and nothing is recorded.
    const future = await schedule('2026-09-14', 'SEND Improvement Board, September 2026');
    await page.reload();
    await page.getByLabel('Agenda for the meeting').selectOption(future);
    const later = page.locator('form[data-edit-control="record-plan-decision"]');
    await later.waitFor();
    await later.getByLabel('What the board decided').fill('Too early');
    await later.getByRole('button', { name: 'Record the decision' }).click();
    await later.getByText('The decision was not recorded').waitFor();
    expect(await later.getByRole('alert').last().textContent()).toContain('can be recorded from that day');
    expect((await h.app.gql(AGENDA, { id: future })).data.meetingAgenda.planDecisions).toEqual([]);
    await page.close();
  });
});
