import { CommandMetadata } from '../shared/command-metadata';
import { Role } from './roles';
import { RegisterUser, UserCommand } from './user.commands';
import { decideUser, evolveUser, initialUserState, UserState } from './user.decider';
import { UserEvent } from './user.events';
import { RoleNotHeldError, UnknownRoleError, UserAlreadyExistsError, UserNotFoundError } from './user.errors';
import { refusal } from '../shared/refusal.fixture';

const meta: CommandMetadata = { now: '2026-06-01T10:00:00.000Z', commandId: 'c1', correlationId: 'c1' };
const given = (events: UserEvent[]): UserState => events.reduce(evolveUser, initialUserState());
const when = (command: UserCommand, state: UserState) => decideUser(command, state, meta);

const userId = 'alex';
const registerUser = (data: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { userId, displayName: 'Alex Morgan', ownerId: 'owner-alex', ...data },
});
const registered: UserEvent = { type: 'UserRegistered', data: { userId, displayName: 'Alex Morgan', ownerId: 'owner-alex' } };
const granted = (role: Role, localAreaId = 'dorset'): UserEvent => ({ type: 'RoleGranted', data: { userId, role, localAreaId } });
const grant = (role: string, localAreaId = 'dorset'): UserCommand => ({ type: 'GrantRole', data: { userId, role: role as Role, localAreaId } });
const revoke = (role: string, localAreaId = 'dorset'): UserCommand => ({ type: 'RevokeRole', data: { userId, role: role as Role, localAreaId } });

describe('RegisterUser', () => {
  it('emits UserRegistered with trimmed text and the owner link', () => {
    expect(when(registerUser({ displayName: '  Alex Morgan ', ownerId: ' owner-alex ' }), given([]))).toEqual([registered]);
  });

  it('records no owner link when none, or only blanks, are given', () => {
    for (const ownerId of [undefined, null, '   ']) {
      expect(when(registerUser({ ownerId }), given([]))).toEqual([{ ...registered, data: { ...registered.data, ownerId: null } }]);
    }
  });

  it('refuses a blank user id, naming the field', () => {
    expect(refusal(() => when(registerUser({ userId: '  ' }), given([])))).toMatchObject({ kind: 'invalid', field: 'userId', rule: 'required' });
  });

  it('registers with no address when the address given is only blanks', () => {
    expect(when(registerUser({ email: '   ' }), given([]))).toEqual([registered]);
  });

  it('refuses a blank display name, naming the field', () => {
    const error = refusal(() => when(registerUser({ displayName: '  ' }), given([])));
    expect(error).toMatchObject({ kind: 'invalid', field: 'displayName', rule: 'required' });
  });

  it('refuses a user id that is already registered', () => {
    const error = refusal(() => when(registerUser(), given([registered])));
    expect(error).toBeInstanceOf(UserAlreadyExistsError);
    expect(error).toMatchObject({ kind: 'already_exists', rule: 'userIsNew' });
    expect(error.message).toBe('A user with id alex already exists');
  });
});

describe('GrantRole', () => {
  it('emits RoleGranted for a role the user does not yet hold in that area', () => {
    expect(when(grant('BOARD_MEMBER'), given([registered]))).toEqual([granted('BOARD_MEMBER')]);
  });

  it('emits nothing when the user already holds the role in that area', () => {
    expect(when(grant('BOARD_MEMBER'), given([registered, granted('BOARD_MEMBER')]))).toEqual([]);
  });

  it('treats the same role in another area as a new grant', () => {
    expect(when(grant('BOARD_MEMBER', 'poole'), given([registered, granted('BOARD_MEMBER')]))).toEqual([granted('BOARD_MEMBER', 'poole')]);
  });

  it('refuses an unknown role, naming the field', () => {
    const error = refusal(() => when(grant('SUPERUSER'), given([registered])));
    expect(error).toBeInstanceOf(UnknownRoleError);
    expect(error).toMatchObject({ kind: 'invalid', field: 'role', rule: 'isRole' });
    expect(error.message).toContain('SUPERUSER is not a role');
  });

  it('refuses a blank local area', () => {
    expect(refusal(() => when(grant('BOARD_MEMBER', ' '), given([registered])))).toMatchObject({ field: 'localAreaId', rule: 'required' });
  });

  it('refuses a user who is not registered', () => {
    const error = refusal(() => when(grant('BOARD_MEMBER'), given([])));
    expect(error).toBeInstanceOf(UserNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', rule: 'userExists' });
  });
});

describe('RevokeRole', () => {
  it('emits RoleRevoked for a role the user holds', () => {
    expect(when(revoke('BOARD_MEMBER'), given([registered, granted('BOARD_MEMBER')]))).toEqual([
      { type: 'RoleRevoked', data: { userId, role: 'BOARD_MEMBER', localAreaId: 'dorset' } },
    ]);
  });

  it('refuses a role the user does not hold, or holds only in another area', () => {
    for (const state of [given([registered]), given([registered, granted('BOARD_MEMBER', 'poole')])]) {
      const error = refusal(() => when(revoke('BOARD_MEMBER'), state));
      expect(error).toBeInstanceOf(RoleNotHeldError);
      expect(error).toMatchObject({ kind: 'rule_violation', rule: 'roleHeld' });
      expect(error.message).toBe('The user does not hold BOARD_MEMBER in dorset');
    }
  });

  it('refuses an unknown role before looking at what is held', () => {
    expect(refusal(() => when(revoke('SUPERUSER'), given([registered])))).toBeInstanceOf(UnknownRoleError);
  });

  it('refuses a user who is not registered', () => {
    expect(refusal(() => when(revoke('BOARD_MEMBER'), given([])))).toBeInstanceOf(UserNotFoundError);
  });
});

describe('email address', () => {
  const changed = (email: string | null): UserEvent => ({ type: 'UserEmailChanged', data: { userId, email } });
  const setEmail = (email: string | null): UserCommand => ({ type: 'SetUserEmail', data: { userId, email } });

  it('registers with an address as UserRegistered then UserEmailChanged, so UserRegistered keeps its shape', () => {
    expect(when(registerUser({ email: ' alex.morgan@council.example ' }), given([]))).toEqual([registered, changed('alex.morgan@council.example')]);
  });

  it('sets, keeps and removes an address; setting the same one records nothing', () => {
    const withAddress = given([registered, changed('alex@council.example')]);
    expect(withAddress).toMatchObject({ email: 'alex@council.example' });
    expect(when(setEmail('alex@council.example'), withAddress)).toEqual([]);
    expect(when(setEmail('a.morgan@council.example'), withAddress)).toEqual([changed('a.morgan@council.example')]);
    expect(when(setEmail(null), withAddress)).toEqual([changed(null)]);
    expect(when(setEmail('  '), withAddress)).toEqual([changed(null)]);
  });

  it.each(['alex', 'alex@council', 'a b@council.example', 'alex@council.example\r\nBcc: x@evil.example', 'a,b@council.example'])(
    'refuses %j, naming the field and rule',
    (email) => {
      expect(refusal(() => when(setEmail(email), given([registered])))).toMatchObject({ kind: 'invalid', field: 'email', rule: 'isEmail' });
      expect(refusal(() => when(registerUser({ email }), given([])))).toMatchObject({ kind: 'invalid', field: 'email', rule: 'isEmail' });
    },
  );

  it('refuses for someone not registered', () => {
    expect(refusal(() => when(setEmail('alex@council.example'), given([])))).toBeInstanceOf(UserNotFoundError);
  });
});

describe('evolveUser', () => {
  it('starts with no user', () => {
    expect(initialUserState()).toEqual({ exists: false });
  });

  it('registers with no grants, then adds and removes grants per role and area', () => {
    expect(given([registered])).toEqual({ exists: true, userId, displayName: 'Alex Morgan', ownerId: 'owner-alex', grants: [], email: null });
    const state = given([
      registered,
      granted('BOARD_MEMBER'),
      granted('BOARD_MEMBER', 'poole'),
      granted('ACTION_OWNER'),
      { type: 'RoleRevoked', data: { userId, role: 'BOARD_MEMBER', localAreaId: 'dorset' } },
    ]);
    expect(state).toMatchObject({
      exists: true,
      grants: [
        { role: 'BOARD_MEMBER', localAreaId: 'poole' },
        { role: 'ACTION_OWNER', localAreaId: 'dorset' },
      ],
    });
  });

  it('ignores grants and revocations for a user that does not exist', () => {
    expect(given([granted('BOARD_MEMBER')])).toEqual({ exists: false });
    expect(given([{ type: 'RoleRevoked', data: { userId, role: 'BOARD_MEMBER', localAreaId: 'dorset' } }])).toEqual({ exists: false });
  });

  it('lets a revoked role be granted again', () => {
    const revoked = given([registered, granted('BOARD_MEMBER'), { type: 'RoleRevoked', data: { userId, role: 'BOARD_MEMBER', localAreaId: 'dorset' } }]);
    expect(when(grant('BOARD_MEMBER'), revoked)).toEqual([granted('BOARD_MEMBER')]);
  });
});

describe('LinkUserToOwner', () => {
  const link = (ownerId: string | null): UserCommand => ({ type: 'LinkUserToOwner', data: { userId, ownerId } });
  const linked = (ownerId: string | null): UserEvent => ({ type: 'UserOwnerLinked', data: { userId, ownerId } });

  it('records the new link, or its removal', () => {
    expect(when(link(' owner-jo '), given([registered]))).toEqual([linked('owner-jo')]);
    expect(when(link(null), given([registered]))).toEqual([linked(null)]);
    expect(when(link('  '), given([registered]))).toEqual([linked(null)]);
  });

  it('records nothing when the person is already linked so', () => {
    expect(when(link('owner-alex'), given([registered]))).toEqual([]);
    expect(when(link(null), given([registered, linked(null)]))).toEqual([]);
  });

  it('moves the link that the owner rules read', () => {
    expect(given([registered, linked('owner-jo')])).toMatchObject({ ownerId: 'owner-jo' });
  });

  it('refuses a user who is not registered', () => {
    expect(refusal(() => when(link('owner-jo'), given([])))).toBeInstanceOf(UserNotFoundError);
  });
});
