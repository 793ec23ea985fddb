import { CREATE_PLAN, planInput } from './support/plan-operations';
import { startTestApp, TestApp } from './support/test-app';

const REGISTER = `mutation ($input: RegisterUserInput!) { registerUser(input: $input) { id displayName ownerId roles { role localAreaId } } }`;
const GRANT = `mutation ($input: RoleGrantInput!) { grantRole(input: $input) { id roles { role localAreaId } } }`;
const REVOKE = `mutation ($input: RoleGrantInput!) { revokeRole(input: $input) { id roles { role localAreaId } } }`;

describe('Plan administrators manage who may do what, and every change is an event', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await app.gql(CREATE_PLAN, { input: planInput('user-management') });
    await app.addUser({ userId: 'chair', roles: ['BOARD_CHAIR'], areas: ['test-area'] });
    await app.addUser({ userId: 'adviser', roles: ['DFE_ADVISER'], areas: ['test-area'] });
    await app.addUser({ userId: 'elsewhere-admin', roles: ['PLAN_ADMINISTRATOR'], areas: ['test-area', 'other-area'] });
  });

  afterAll(() => app?.close());

  it('registers a person, whose access follows the roles granted and revoked', async () => {
    const registered = await app.gql(REGISTER, {
      input: { userId: 'newcomer', displayName: 'Jo Newcomer', ownerName: 'Jo Newcomer', ownerOrganisation: 'NHS Dorset ICB' },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerUser).toMatchObject({ id: 'newcomer', roles: [] });
    expect(registered.data.registerUser.ownerId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await app.as('newcomer').gql('{ plans { id } }')).data.plans).toEqual([]);

    const granted = await app.gql(GRANT, { input: { userId: 'newcomer', role: 'BOARD_MEMBER', localAreaId: 'test-area' } });
    expect(granted.data.grantRole.roles).toEqual([{ role: 'BOARD_MEMBER', localAreaId: 'test-area' }]);
    expect((await app.as('newcomer').gql('{ plans { id } }')).data.plans).toEqual([{ id: 'user-management' }]);

    const revoked = await app.gql(REVOKE, { input: { userId: 'newcomer', role: 'BOARD_MEMBER', localAreaId: 'test-area' } });
    expect(revoked.data.revokeRole.roles).toEqual([]);
    expect((await app.as('newcomer').gql('{ plans { id } }')).data.plans).toEqual([]);

    const history = (await app.allEvents()).filter((e) => e.streamId === 'user-newcomer');
    expect(history.map((e) => e.type)).toEqual(['UserRegistered', 'RoleGranted', 'RoleRevoked']);
    expect(history.map((e) => e.metadata.actor)).toEqual(
      Array(3).fill(expect.objectContaining({ userId: 'tester', role: 'PLAN_ADMINISTRATOR' })),
    );
  });

  it.each([
    ['the board chair', 'chair'],
    ['the DfE adviser', 'adviser'],
  ])('refuses %s, appending nothing', async (_who, userId) => {
    const before = await app.allEvents();
    const attempts = [
      await app.as(userId).gql(REGISTER, { input: { userId: `by-${userId}`, displayName: 'X' } }),
      await app.as(userId).gql(GRANT, { input: { userId, role: 'PLAN_ADMINISTRATOR', localAreaId: 'test-area' } }),
      await app.as(userId).gql(REVOKE, { input: { userId: 'tester', role: 'PLAN_ADMINISTRATOR', localAreaId: 'test-area' } }),
    ];
    for (const attempt of attempts) expect(attempt.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
  });

  it('refuses a grant in an area where the administrator holds no role', async () => {
    const before = await app.allEvents();
    const result = await app.gql(GRANT, { input: { userId: 'chair', role: 'BOARD_CHAIR', localAreaId: 'other-area' } });
    expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(await app.allEvents()).toEqual(before);
  });

  it('refuses the takeover of a person’s email by an administrator of another area: grant, change, revoke', async () => {
    await app.addUser({ userId: 'area-a-person', roles: ['ACTION_OWNER'], areas: ['test-area'], email: 'jo.owner@council.example' });
    await app.addUser({ userId: 'area-b-admin', roles: ['PLAN_ADMINISTRATOR'], areas: ['area-b'] });
    const SET_EMAIL = `mutation ($input: SetUserEmailInput!) { setUserEmail(input: $input) { id email } }`;
    const attacker = app.as('area-b-admin');

    // Before the grant the person does not exist for them.
    expect((await attacker.gql(SET_EMAIL, { input: { userId: 'area-a-person', email: 'x@attacker.example' } })).errors![0].extensions?.code).toBe('NOT_FOUND');
    const granted = await attacker.gql(GRANT, { input: { userId: 'area-a-person', role: 'BOARD_MEMBER', localAreaId: 'area-b' } });
    expect(granted.errors).toBeUndefined();

    const before = await app.allEvents();
    const changed = await attacker.gql(SET_EMAIL, { input: { userId: 'area-a-person', email: 'x@attacker.example' } });
    expect(changed.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect(changed.errors![0].message).toMatch(/also work in an area you do not administer/);
    expect(await app.allEvents()).toEqual(before);

    expect((await attacker.gql(REVOKE, { input: { userId: 'area-a-person', role: 'BOARD_MEMBER', localAreaId: 'area-b' } })).errors).toBeUndefined();
    const asHomeAdmin = await app.gql(`{ users(localAreaId: "test-area") { id email } }`);
    expect(asHomeAdmin.data.users.find((u: { id: string }) => u.id === 'area-a-person').email).toBe('jo.owner@council.example');
    const emailEvents = (await app.allEvents()).filter((e) => e.streamId === 'user-area-a-person' && e.type === 'UserEmailChanged');
    expect(emailEvents.map((e) => e.data.email)).toEqual(['jo.owner@council.example']);
  });

  it('treats user ids and plan ids as global names: taken is CONFLICT for anyone, and tells nothing more (docs/security.md)', async () => {
    await app.addUser({ userId: 'area-c-admin', roles: ['PLAN_ADMINISTRATOR'], areas: ['area-c'] });
    const outsider = app.as('area-c-admin');
    const before = await app.allEvents();
    const plan = await outsider.gql(CREATE_PLAN, { input: planInput('user-management', 'area-c') });
    expect(plan.errors![0]).toMatchObject({ message: 'An improvement plan with id user-management already exists', extensions: { code: 'CONFLICT' } });
    const person = await outsider.gql(REGISTER, { input: { userId: 'chair', displayName: 'Someone Else' } });
    expect(person.errors![0]).toMatchObject({ message: 'A user with id chair already exists', extensions: { code: 'CONFLICT' } });
    expect(await app.allEvents()).toEqual(before);
    // Existence is all they learn: the plan and the person's roles stay out of sight.
    expect((await outsider.gql(`{ plan(id: "user-management") { id } }`)).errors![0].extensions?.code).toBe('NOT_FOUND');
    const people = await outsider.gql(`{ users(localAreaId: "test-area") { id } }`);
    expect(people.errors![0]).toMatchObject({ message: 'No local area test-area', extensions: { code: 'NOT_FOUND', field: 'localAreaId' } });
    expect(people.data).toBeNull();
  });

  it('lists an area’s people without revealing their roles in areas the asker cannot see', async () => {
    const asTester = await app.gql(`{ users(localAreaId: "test-area") { id roles { role localAreaId } } }`);
    const elsewhere = asTester.data.users.find((u: { id: string }) => u.id === 'elsewhere-admin');
    expect(elsewhere.roles).toEqual([{ role: 'PLAN_ADMINISTRATOR', localAreaId: 'test-area' }]);
    // Another area answers as every per-area read does, as if it did not exist (docs/security.md).
    expect((await app.gql(`{ users(localAreaId: "other-area") { id } }`)).errors![0].extensions?.code).toBe('NOT_FOUND');
    const asAdviser = await app.as('adviser').gql(`{ users(localAreaId: "test-area") { id } }`);
    expect(asAdviser.data.users.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining(['adviser', 'chair', 'tester']));
  });

  it('answers me with the signed-in person and every role they hold, and no one without a token', async () => {
    const ME = '{ me { id displayName ownerId roles { role localAreaId } } }';
    const admin = await app.as('elsewhere-admin').gql(ME);
    expect(admin.data.me).toEqual({
      id: 'elsewhere-admin',
      displayName: 'elsewhere-admin',
      ownerId: null,
      roles: [
        { role: 'PLAN_ADMINISTRATOR', localAreaId: 'other-area' },
        { role: 'PLAN_ADMINISTRATOR', localAreaId: 'test-area' },
      ],
    });
    const tester = await app.gql(ME);
    expect(tester.data.me.ownerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(tester.data.me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['ACTION_OWNER', 'BOARD_CHAIR', 'PLAN_ADMINISTRATOR']);
    expect((await app.as('never-registered').gql(ME)).data.me).toEqual({ id: 'never-registered', displayName: 'never-registered', ownerId: null, roles: [] });
    expect((await app.gqlWithAuthorization(undefined, ME)).errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
