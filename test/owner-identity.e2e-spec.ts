import { DataSource } from 'typeorm';
import { ownerIdFor } from '@send/event-store';
import { KnownOwners } from '../apps/api/src/plan-import/owner-lookup';
import { eventStoreDirectory, readModelDirectory } from '../apps/api/src/plan-import/plan-import-directory';
import { riskInput } from './support/mutation-catalogue';
import { ADD_ACTION, actionInput, change, CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * "A person acts as an action owner through a stable link to their user (an owner id), not by
 * exact text match of name and organisation; the owner's display name can change without
 * breaking access." (issue 22)
 */
describe('An owner is a stable link, not text, over HTTP', () => {
  let app: TestApp;
  const planId = 'owners-linked';
  const JO = { name: 'Jo Smith', role: 'Head of SEND', organisation: 'Council' };
  const joId = ownerIdFor(JO.name, JO.organisation);
  let action: { id: string; revision: number };
  let riskId: string;
  const RENAME = `mutation ($input: RenameOwnerInput!) { renameOwner(input: $input) { id name role organisation } }`;
  const LINK = `mutation ($input: LinkUserToOwnerInput!) { linkUserToOwner(input: $input) { id ownerId } }`;
  const REGISTER = `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { id ownerId } }`;
  const GRANT = `mutation ($input: RoleGrantInput!) { grantRole(input: $input) { id } }`;
  const report = change('reportProgress', 'ReportProgressInput');
  const reassign = change('reassignActionOwner', 'ReassignOwnerInput');
  const BEFORE_RENAME = '2026-03-02T09:30:00.000Z';

  /** Reports progress on the action as someone, keeping the revision current when it works. */
  async function reportAs(userId: string, commentary: string) {
    const result = await app.as(userId).gql(report, { input: { actionId: action.id, expectedRevision: action.revision, rag: 'AMBER', commentary, asAt: '2026-03-01' } });
    if (!result.errors) action = result.data.reportProgress;
    return result;
  }

  const owned = (owner: Record<string, unknown>, ref: string) => app.gql(ADD_ACTION, { input: actionInput(planId, ref, { owner }) });

  beforeAll(async () => {
    app = await startTestApp({ now: '2026-03-02T09:00:00.000Z' });
    await app.gql(CREATE_PLAN, { input: planInput(planId) });
    await app.gql(CREATE_PLAN, { input: planInput('owners-elsewhere', 'other-area') });
    action = (await owned(JO, '8.2')).data.addAction;
    riskId = (await app.gql(`mutation ($input: RaiseRiskInput!) { raiseRisk(input: $input) { id } }`, { input: { ...riskInput(planId, [action.id]), owner: { ownerId: joId } } })).data.raiseRisk.id;
    await app.addUser({ userId: 'jo', displayName: 'Jo Smith', owner: JO, roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'chair-only', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
    await app.addUser({ userId: 'admin-elsewhere', roles: ['PLAN_ADMINISTRATOR'], areas: ['other-area'] });
    await app.addUser({ userId: 'sam', displayName: 'Sam Patel', roles: ['ACTION_OWNER'], areas: ['test-area'] });
    await app.addUser({ userId: 'outsider', displayName: 'Olu Outsider', owner: { name: 'Olu Outsider', organisation: 'Council' }, roles: ['ACTION_OWNER'], areas: ['other-area'] });
    app.clock.set('2026-03-02T10:00:00.000Z');
  });

  afterAll(() => app?.close());

  describe('renaming an owner', () => {
    it('refuses the board, the owner themselves and an administrator of another area, recording nothing', async () => {
      const before = await app.allEvents();
      for (const [caller, code] of [['chair-only', 'FORBIDDEN'], ['jo', 'FORBIDDEN'], ['admin-elsewhere', 'NOT_FOUND']]) {
        const result = await app.as(caller).gql(RENAME, { input: { ownerId: joId, name: 'Jo Brown' } });
        expect(result.errors?.[0].extensions?.code).toBe(code);
      }
      expect(await app.allEvents()).toEqual(before);
    });

    it('answers NOT_FOUND for an owner nothing names, naming the field', async () => {
      const result = await app.gql(RENAME, { input: { ownerId: ownerIdFor('Nobody', 'Nowhere'), name: 'Jo Brown' } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' });
    });

    it('keeps the id and shows the new name on the action, the risk and the owners list; as at before, the old name', async () => {
      const renamed = await app.gql(RENAME, { input: { ownerId: joId, name: 'Jo Brown' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data.renameOwner).toEqual({ id: joId, name: 'Jo Brown', role: 'Head of SEND', organisation: 'Council' });
      const read = await app.gql(
        `query ($id: ID!, $planId: ID!, $before: String!) {
          now: action(id: $id) { owner { id name } }
          then: action(id: $id, asAt: $before) { owner { id name } }
          owners(planId: $planId) { owner { id name } }
          risk(planId: $planId, ref: "R1") { owner { id name } }
          riskThen: risk(planId: $planId, ref: "R1", asAt: $before) { owner { name } }
        }`,
        { id: action.id, planId, before: BEFORE_RENAME },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data.now.owner).toEqual({ id: joId, name: 'Jo Brown' });
      expect(read.data.then.owner).toEqual({ id: joId, name: 'Jo Smith' });
      expect(read.data.owners.map((o: { owner: unknown }) => o.owner)).toContainEqual({ id: joId, name: 'Jo Brown' });
      expect(read.data.risk.owner).toEqual({ id: joId, name: 'Jo Brown' });
      expect(read.data.riskThen.owner.name).toBe('Jo Smith');
      expect(riskId).toBeDefined();
    });

    it('leaves the owner able to report progress on their action', async () => {
      const result = await reportAs('jo', 'Still mine after the rename');
      expect(result.errors).toBeUndefined();
    });

    it('gives nothing to a different person registered under the new name as text', async () => {
      const registered = await app.gql(REGISTER, { input: { userId: 'other-jo', displayName: 'Jo Brown', ownerName: 'Jo Brown', ownerOrganisation: 'Council' } });
      expect(registered.errors).toBeUndefined();
      expect(registered.data.registerUser.ownerId).not.toBe(joId);
      await app.gql(GRANT, { input: { userId: 'other-jo', role: 'ACTION_OWNER', localAreaId: 'test-area' } });
      const before = await app.allEvents();
      expect((await reportAs('other-jo', 'Not mine')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await app.allEvents()).toEqual(before);
    });

    it('refuses to link anyone by the name the owner was renamed from, pointing to ownerId', async () => {
      const before = await app.allEvents();
      const result = await app.gql(REGISTER, { input: { userId: 'old-name', displayName: 'Jo Smith', ownerName: 'jo smith', ownerOrganisation: 'Council' } });
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ownerName', rule: 'currentName' });
      expect(result.errors?.[0].message).toContain('link the person by ownerId');
      expect(await app.allEvents()).toEqual(before);
    });

    it('refuses a name and organisation someone else goes by (CONFLICT), and records nothing for the same name again', async () => {
      await owned({ name: 'Kim Lee', role: 'SEND Lead', organisation: 'Council' }, '8.3');
      const taken = await app.gql(RENAME, { input: { ownerId: joId, name: 'kim lee' } });
      expect(taken.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
      const before = await app.allEvents();
      expect((await app.gql(RENAME, { input: { ownerId: joId, name: 'Jo Brown' } })).errors).toBeUndefined();
      expect(await app.allEvents()).toEqual(before);
    });
  });

  describe('assigning by link', () => {
    it('takes the name and organisation from the owner record, by ownerId or by the userId linked to it', async () => {
      const byOwner = await owned({ ownerId: joId }, '8.4');
      expect(byOwner.errors).toBeUndefined();
      expect(byOwner.data.addAction.owner).toEqual({ id: joId, name: 'Jo Brown', role: 'Head of SEND', organisation: 'Council' });
      const byUser = await owned({ userId: 'jo', role: 'Interim Director' }, '8.5');
      expect(byUser.data.addAction.owner).toEqual({ id: joId, name: 'Jo Brown', role: 'Interim Director', organisation: 'Council' });
    });

    it('finds a renamed owner by the name they go by now when given as text', async () => {
      const byText = await owned({ name: ' jo brown ', role: 'Head of SEND', organisation: 'council' }, '8.6');
      expect(byText.data.addAction.owner).toEqual({ id: joId, name: 'Jo Brown', role: 'Head of SEND', organisation: 'Council' });
    });

    it('reassigns by ownerId', async () => {
      const target = (await owned({ name: 'Kim Lee', role: 'SEND Lead', organisation: 'Council' }, '8.7')).data.addAction;
      const result = await app.gql(reassign, { input: { actionId: target.id, expectedRevision: target.revision, owner: { ownerId: joId }, reason: 'Jo leads it now' } });
      expect(result.errors).toBeUndefined();
      expect(result.data.reassignActionOwner.owner).toMatchObject({ id: joId, name: 'Jo Brown' });
    });

    it('answers an unknown, hidden or unlinked owner with the field named, appending nothing', async () => {
      const before = await app.allEvents();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ ownerId: ownerIdFor('Nobody', 'Nowhere') }, 'NOT_FOUND', 'owner.ownerId'],
        // Owns something only in another area: as if it did not exist.
        [{ ownerId: ownerIdFor('Olu Outsider', 'Council') }, 'NOT_FOUND', 'owner.ownerId'],
        [{ userId: 'outsider' }, 'NOT_FOUND', 'owner.userId'],
        [{ userId: 'sam' }, 'BAD_USER_INPUT', 'owner.userId'],
        [{ ownerId: joId, userId: 'jo' }, 'BAD_USER_INPUT', 'owner'],
        [{ ownerId: joId, name: 'Jo Brown-Smith' }, 'BAD_USER_INPUT', 'owner.name'],
        [{ name: 'Pat Doe', organisation: 'Council' }, 'BAD_USER_INPUT', 'owner.role'],
        [{ role: 'Head of SEND' }, 'BAD_USER_INPUT', 'owner.name'],
      ];
      for (const [owner, code, field] of cases) {
        const result = await owned(owner, '8.9');
        expect([JSON.stringify(owner), result.errors?.[0].extensions]).toEqual([JSON.stringify(owner), expect.objectContaining({ code, field })]);
      }
      expect(await app.allEvents()).toEqual(before);
    });
  });

  describe('linking a person to an owner', () => {
    it('lets the linked person act as the owner, and the unlinked not', async () => {
      expect((await reportAs('sam', 'Before the link')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const linked = await app.gql(LINK, { input: { userId: 'sam', ownerId: joId } });
      expect(linked.data.linkUserToOwner).toEqual({ id: 'sam', ownerId: joId });
      expect((await reportAs('sam', 'Covering for Jo')).errors).toBeUndefined();
      expect((await app.gql(LINK, { input: { userId: 'sam', ownerId: null } })).data.linkUserToOwner.ownerId).toBeNull();
      expect((await reportAs('sam', 'After the link')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('registers a person already linked by ownerId', async () => {
      const registered = await app.gql(REGISTER, { input: { userId: 'jo-deputy', displayName: 'Jo Deputy', ownerId: joId } });
      expect(registered.data.registerUser).toEqual({ id: 'jo-deputy', ownerId: joId });
    });

    it('answers an owner the administrator cannot see NOT_FOUND, appending nothing', async () => {
      const before = await app.allEvents();
      const hidden = ownerIdFor('Olu Outsider', 'Council');
      expect((await app.gql(LINK, { input: { userId: 'sam', ownerId: hidden } })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' });
      expect((await app.gql(REGISTER, { input: { userId: 'new-person', displayName: 'New', ownerId: hidden } })).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ownerId' });
      expect(await app.allEvents()).toEqual(before);
    });
  });

  it("lets the plan import, from the read models or from the store, know owners by the name they go by now and people by their links", async () => {
    await app.gql(LINK, { input: { userId: 'sam', ownerId: joId } });
    const sorted = (known: KnownOwners) => ({
      planOwners: [...known.planOwners].sort((a, b) => a.ownerId.localeCompare(b.ownerId)),
      areaUsers: [...known.areaUsers].sort((a, b) => a.userId.localeCompare(b.userId)),
    });
    const fromStore = sorted(await eventStoreDirectory(app.store()).knownOwners(planId, 'test-area'));
    expect(fromStore).toEqual(sorted(await readModelDirectory(app.app.get(DataSource)).knownOwners(planId, 'test-area')));
    expect(fromStore.planOwners).toContainEqual(expect.objectContaining({ ownerId: joId, name: 'Jo Brown' }));
    expect(fromStore.areaUsers).toContainEqual({ userId: 'sam', displayName: 'Sam Patel', ownerId: joId });
  });
});
