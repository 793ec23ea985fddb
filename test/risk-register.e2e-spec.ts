import { riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';
import { withNoNewEvents } from './support/no-new-events';

const RISK = `id ref status revision previousScore currentAsAt escalation outcome
  owner { name organisation } areaNumbers actionIds
  inherent { likelihood impact score band } current { likelihood impact score band } target { score band byDate }
  scores { rating { score band } asAt commentary revision } mitigations { id description status dueDate owner { name } lastCommentary }`;
const op = (name: string, inputType: string) => `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${RISK} } }`;
const RAISE = op('raiseRisk', 'RaiseRiskInput');
const RESCORE = op('rescoreRisk', 'RescoreRiskInput');
const ADD_MITIGATION = op('addMitigation', 'AddMitigationInput');
const MITIGATION_STATUS = op('changeMitigationStatus', 'ChangeMitigationStatusInput');
const CLOSE = op('closeRisk', 'CloseRiskInput');
const PLAN = 'risk-register';

describe('The risk register, over HTTP', () => {
  let app: TestApp;
  let actionId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-06-15T10:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(PLAN) });
    actionId = (await app.gql(ADD_ACTION, { input: actionInput(PLAN, '1.1', { areaNumber: 1 }) })).data.addAction.id;
    await app.addUser({ userId: 'risk-owner', owner: { name: 'Alex Morgan', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'member', roles: ['BOARD_MEMBER'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere', roles: ['BOARD_CHAIR', 'DFE_ADVISER'], areas: ['other-area'] });
  });

  afterAll(() => app?.close());

  const unchanged = <T>(send: () => Promise<T>) => withNoNewEvents(app, send);

  it('raises a risk, then its owner re-scores it: the history is kept and a rising Red risk goes to the board', async () => {
    const raised = await app.gql(RAISE, { input: riskInput(PLAN, [actionId]) });
    expect(raised.errors).toBeUndefined();
    expect(raised.data.raiseRisk).toMatchObject({
      ref: 'R1',
      status: 'OPEN',
      revision: 0,
      owner: { name: 'Alex Morgan', organisation: 'Council' },
      actionIds: [actionId],
      inherent: { likelihood: 4, impact: 5, score: 20, band: 'RED' },
      current: { score: 12, band: 'AMBER' },
      target: { score: 6, band: 'AMBER', byDate: '2027-03-31' },
      previousScore: null,
      escalation: [],
      scores: [{ rating: { score: 12, band: 'AMBER' }, asAt: null, commentary: null, revision: 0 }],
    });

    const rescored = await app.as('risk-owner').gql(RESCORE, {
      input: { riskId: raised.data.raiseRisk.id, expectedRevision: 0, current: { likelihood: 4, impact: 4 }, commentary: 'The capital bid has slipped a year', asAt: '2026-06-12' },
    });
    expect(rescored.errors).toBeUndefined();
    expect(rescored.data.rescoreRisk).toMatchObject({
      revision: 1,
      current: { score: 16, band: 'RED' },
      previousScore: 12,
      currentAsAt: '2026-06-12',
      escalation: ['AT_OR_ABOVE_THRESHOLD', 'RISING'],
      scores: [{ revision: 0 }, { rating: { score: 16, band: 'RED' }, asAt: '2026-06-12', commentary: 'The capital bid has slipped a year', revision: 1 }],
    });
  });

  it('refuses a stale revision with CONFLICT and the current one, changing nothing', async () => {
    const { id } = (await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { id } }`)).data.risk;
    const stale = await unchanged(() =>
      app.as('risk-owner').gql(RESCORE, { input: { riskId: id, expectedRevision: 0, current: { likelihood: 1, impact: 1 }, commentary: 'Fixed', asAt: '2026-06-14' } }),
    );
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentRevision: 1 });
  });

  it.each([
    ['a likelihood of 6', { current: { likelihood: 6, impact: 2 } }, 'current.likelihood'],
    ['a blank commentary', { commentary: ' \u200b ' }, 'commentary'],
    ['a day in the future', { asAt: '2026-06-16' }, 'asAt'],
    ['a day before the last score', { asAt: '2026-06-11' }, 'asAt'],
    ['a day that does not exist', { asAt: '2026-02-30' }, 'asAt'],
  ])('refuses a re-score with %s, naming the field, changing nothing', async (_, change, field) => {
    const { id, revision } = (await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { id revision } }`)).data.risk;
    const input = { riskId: id, expectedRevision: revision, current: { likelihood: 2, impact: 2 }, commentary: 'Better', asAt: '2026-06-14', ...change };
    const refused = await unchanged(() => app.as('risk-owner').gql(RESCORE, { input }));
    const extensions = refused.errors![0].extensions!;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(extensions)).toContain(`"field":"${field}"`);
  });

  it.each([
    ['a reference with a leading zero', { ref: 'R01' }, 'ref'],
    ['an area the plan does not have', { ref: 'R2', areaNumbers: [42] }, 'areaNumbers'],
    ['an action of no plan', { ref: 'R2', actionIds: ['00000000-0000-4000-8000-000000000000'] }, 'actionIds'],
    ['a target above the inherent score', { ref: 'R2', target: { likelihood: 5, impact: 5, byDate: '2027-03-31' } }, 'target'],
  ])('refuses to raise a risk with %s, naming the field', async (_, change, field) => {
    const refused = await unchanged(() => app.gql(RAISE, { input: { ...riskInput(PLAN, [actionId]), ...change } }));
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors![0].extensions)).toContain(`"field":"${field}"`);
  });

  it('refuses a second R1 in the plan with CONFLICT', async () => {
    const again = await unchanged(() => app.gql(RAISE, { input: riskInput(PLAN, [actionId]) }));
    expect(again.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('works mitigations through to done, each change recorded', async () => {
    const { id, revision } = (await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { id revision } }`)).data.risk;
    const added = await app.as('risk-owner').gql(ADD_MITIGATION, {
      input: { riskId: id, expectedRevision: revision, description: 'Placement panel reviews every INMSS request', owner: { name: 'Sam Patel', role: 'SEND and AP Lead', organisation: 'Council' }, dueDate: '2026-07-31' },
    });
    expect(added.errors).toBeUndefined();
    const [mitigation] = added.data.addMitigation.mitigations;
    expect(mitigation).toMatchObject({ status: 'PLANNED', dueDate: '2026-07-31', owner: { name: 'Sam Patel' }, lastCommentary: null });
    const done = await app.as('risk-owner').gql(MITIGATION_STATUS, {
      input: { riskId: id, expectedRevision: added.data.addMitigation.revision, mitigationId: mitigation.id, status: 'DONE', commentary: 'Panel in place since June' },
    });
    expect(done.data.changeMitigationStatus.mitigations).toEqual([expect.objectContaining({ id: mitigation.id, status: 'DONE', lastCommentary: 'Panel in place since June' })]);
  });

  it('lets the DfE adviser read the register and change none of it', async () => {
    const read = await app.as('adviser').gql(`{ risks(planId: "${PLAN}") { ref current { band } mitigations { status } } }`);
    expect(read.data.risks).toEqual([{ ref: 'R1', current: { band: 'RED' }, mitigations: [{ status: 'DONE' }] }]);
    const { id, revision } = (await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { id revision } }`)).data.risk;
    const refused = await unchanged(() => app.as('adviser').gql(CLOSE, { input: { riskId: id, expectedRevision: revision, reason: 'Not my call' } }));
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('hides the register from people of another area, reads and changes alike', async () => {
    const { id, revision } = (await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { id revision } }`)).data.risk;
    for (const query of [`{ risks(planId: "${PLAN}") { id } }`, `{ risk(planId: "${PLAN}", ref: "R1") { id } }`]) {
      expect((await app.as('elsewhere').gql(query)).errors![0].extensions!.code).toBe('NOT_FOUND');
    }
    const refused = await unchanged(() => app.as('elsewhere').gql(CLOSE, { input: { riskId: id, expectedRevision: revision, reason: 'Closing from outside' } }));
    expect(refused.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('is closed by the board, then lists only when closed risks are asked for, and changes no more', async () => {
    const { id, revision } = (await app.gql(`{ risk(planId: "${PLAN}", ref: "R1") { id revision } }`)).data.risk;
    const closed = await app.as('member').gql(CLOSE, { input: { riskId: id, expectedRevision: revision, reason: 'Capital bid approved in June' } });
    expect(closed.data.closeRisk).toMatchObject({ status: 'CLOSED', outcome: 'Capital bid approved in June', escalation: [] });
    expect((await app.gql(`{ risks(planId: "${PLAN}") { ref } }`)).data.risks).toEqual([]);
    expect((await app.gql(`{ risks(planId: "${PLAN}", statuses: [CLOSED]) { ref } }`)).data.risks).toEqual([{ ref: 'R1' }]);
    const late = await unchanged(() =>
      app.as('risk-owner').gql(RESCORE, { input: { riskId: id, expectedRevision: closed.data.closeRisk.revision, current: { likelihood: 1, impact: 1 }, commentary: 'Gone', asAt: '2026-06-15' } }),
    );
    expect(late.errors![0]).toMatchObject({ message: 'Risk R1 is closed, so it cannot be re-scored', extensions: { code: 'FAILED_PRECONDITION', rule: 'riskOpen' } });
  });

  it('reads the register as it stood at an instant, scores and mitigations included, from the risks’ events', async () => {
    const plan = 'risk-history';
    const at = (instant: string) => app.clock.set(instant);
    try {
      at('2026-05-01T09:00:00.000Z');
      await app.gql(CREATE_PLAN, { input: planInput(plan) });
      at('2026-06-10T09:00:00.000Z');
      const { id } = (await app.gql(RAISE, { input: riskInput(plan) })).data.raiseRisk;
      at('2026-06-12T09:00:00.000Z');
      await app.as('risk-owner').gql(RESCORE, { input: { riskId: id, expectedRevision: 0, current: { likelihood: 5, impact: 4 }, commentary: 'Bid refused', asAt: '2026-06-12' } });
      at('2026-06-13T09:00:00.000Z');
      await app.gql(ADD_MITIGATION, { input: { riskId: id, expectedRevision: 1, description: 'Second bid', owner: { name: 'Sam Patel', role: 'SEND and AP Lead', organisation: 'Council' }, dueDate: '2026-09-30' } });
    } finally {
      at('2026-06-15T10:00:00.000Z');
    }
    const READ = `query ($asAt: String, $knownAt: String) { risks(planId: "${plan}", asAt: $asAt, knownAt: $knownAt) { ref revision current { score band } previousScore escalation scores { rating { score } commentary } mitigations { description } } }`;

    const before = await app.gql(READ, { asAt: '2026-06-11' });
    expect(before.data.risks).toEqual([{ ref: 'R1', revision: 0, current: { score: 12, band: 'AMBER' }, previousScore: null, escalation: [], scores: [{ rating: { score: 12 }, commentary: null }], mitigations: [] }]);
    const rescored = (await app.gql(READ, { asAt: '2026-06-12T12:00:00Z' })).data.risks[0];
    expect(rescored).toMatchObject({ revision: 1, current: { score: 20, band: 'RED' }, previousScore: 12, escalation: ['AT_OR_ABOVE_THRESHOLD', 'RISING'], mitigations: [] });
    expect(rescored.scores.map((x: { commentary: string | null }) => x.commentary)).toEqual([null, 'Bid refused']);
    expect((await app.gql(READ, {})).data.risks[0]).toMatchObject({ revision: 2, mitigations: [{ description: 'Second bid' }] });
    expect((await app.gql(READ, { asAt: '2026-06-09' })).data.risks).toEqual([]);

    const tooEarly = await app.gql(READ, { asAt: '2026-04-30' });
    expect(tooEarly.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', rule: 'existedAsAt' });
    const knownAtAlone = await app.gql(READ, { knownAt: 'now' });
    expect(knownAtAlone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'needsAsAt' });
    const elsewhere = await app.as('elsewhere').gql(READ, { asAt: '2026-06-11' });
    expect(elsewhere.errors![0].extensions!.code).toBe('NOT_FOUND');
  });

  it('passes a risk to another owner by owner id or user id, with the reason; the old owner may no longer re-score it, and its history and as-at reads show the change', async () => {
    const plan = 'risk-reassign';
    const REASSIGN = `mutation ($input: ReassignRiskOwnerInput!) { reassignRiskOwner(input: $input) { revision owner { id name role } ownerChanges { from { name } to { name } reason revision } } }`;
    const at = (instant: string) => app.clock.set(instant);
    let riskId = '';
    let sam = '';
    try {
      at('2026-06-01T09:00:00.000Z');
      await app.gql(CREATE_PLAN, { input: planInput(plan) });
      riskId = (await app.gql(RAISE, { input: riskInput(plan) })).data.raiseRisk.id;
      const added = await app.gql(ADD_MITIGATION, { input: { riskId, expectedRevision: 0, description: 'Second bid', owner: { name: 'Sam Patel', role: 'SEND and AP Lead', organisation: 'Council' }, dueDate: '2026-09-30' } });
      sam = (await app.gql(`{ risk(planId: "${plan}", ref: "R1") { mitigations { owner { id } } } }`)).data.risk.mitigations[0].owner.id;
      expect(added.data.addMitigation.revision).toBe(1);

      const byMember = await unchanged(() => app.as('risk-owner').gql(REASSIGN, { input: { riskId, expectedRevision: 1, owner: { ownerId: sam }, reason: 'Handing over' } }));
      expect(byMember.errors![0].extensions!.code).toBe('FORBIDDEN');
      const same = await unchanged(() => app.gql(REASSIGN, { input: { riskId, expectedRevision: 1, owner: { userId: 'risk-owner' }, reason: 'No change' } }));
      expect(same.errors![0]).toMatchObject({ message: 'Alex Morgan already owns risk R1', extensions: { code: 'FAILED_PRECONDITION', rule: 'riskOwnerChanges' } });
      const stale = await unchanged(() => app.gql(REASSIGN, { input: { riskId, expectedRevision: 0, owner: { ownerId: sam }, reason: 'Handing over' } }));
      expect(stale.errors![0].extensions!.code).toBe('CONFLICT');

      at('2026-06-10T09:00:00.000Z');
      const moved = await app.as('member').gql(REASSIGN, { input: { riskId, expectedRevision: 1, owner: { ownerId: sam }, reason: 'Sufficiency moved to the SEND service' } });
      expect(moved.errors).toBeUndefined();
      expect(moved.data.reassignRiskOwner).toEqual({
        revision: 2,
        owner: { id: sam, name: 'Sam Patel', role: 'SEND and AP Lead' },
        ownerChanges: [{ from: { name: 'Alex Morgan' }, to: { name: 'Sam Patel' }, reason: 'Sufficiency moved to the SEND service', revision: 2 }],
      });
    } finally {
      at('2026-06-15T10:00:00.000Z');
    }
    const rescore = await unchanged(() =>
      app.as('risk-owner').gql(RESCORE, { input: { riskId, expectedRevision: 2, current: { likelihood: 1, impact: 1 }, commentary: 'Not mine now', asAt: '2026-06-15' } }),
    );
    expect(rescore.errors![0].extensions!.code).toBe('FORBIDDEN');

    const READ = `query ($recordedBy: String) { risk(planId: "${plan}", ref: "R1", recordedBy: $recordedBy) { owner { name } ownerChanges { to { name } } } }`;
    expect((await app.gql(READ, { recordedBy: '2026-06-05T00:00:00Z' })).data.risk).toEqual({ owner: { name: 'Alex Morgan' }, ownerChanges: [] });
    expect((await app.gql(READ, { recordedBy: '2026-06-11T00:00:00Z' })).data.risk).toEqual({ owner: { name: 'Sam Patel' }, ownerChanges: [{ to: { name: 'Sam Patel' } }] });

    const back = await app.gql(REASSIGN, { input: { riskId, expectedRevision: 2, owner: { userId: 'risk-owner' }, reason: 'Back to the director' } });
    expect(back.data.reassignRiskOwner.owner.name).toBe('Alex Morgan');
    expect(back.data.reassignRiskOwner.ownerChanges.map((c: { to: { name: string } }) => c.to.name)).toEqual(['Sam Patel', 'Alex Morgan']);
  });
});
