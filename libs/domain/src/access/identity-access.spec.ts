import { ForbiddenError } from './access.errors';
import { authorizeIdentityChange } from './identity-access';
import { Principal } from './principal';
import { Role, RoleGrant } from './roles';
import { UserNotFoundError } from './user.errors';

const WHAT = "change a person's email address";
const principal = (grants: [Role, string][]): Principal => ({
  userId: 'caller',
  displayName: 'Caller',
  ownerId: null,
  grants: grants.map(([role, localAreaId]) => ({ role, localAreaId })),
});
const person = (grants: [Role, string][]) => ({ userId: 'jo', grants: grants.map(([role, localAreaId]): RoleGrant => ({ role, localAreaId })) });

describe('authorizeIdentityChange', () => {
  const inA = person([['BOARD_MEMBER', 'area-a']]);
  const inAandB = person([['BOARD_MEMBER', 'area-a'], ['ACTION_OWNER', 'area-b']]);

  it('lets an administrator of the only area the person works in', () => {
    expect(authorizeIdentityChange(principal([['PLAN_ADMINISTRATOR', 'area-a']]), inA, WHAT)).toBe('PLAN_ADMINISTRATOR');
  });

  it('lets an administrator of every area the person works in', () => {
    const both = principal([['PLAN_ADMINISTRATOR', 'area-a'], ['PLAN_ADMINISTRATOR', 'area-b']]);
    expect(authorizeIdentityChange(both, inAandB, WHAT)).toBe('PLAN_ADMINISTRATOR');
  });

  it.each([
    ['an administrator of area B alone', principal([['PLAN_ADMINISTRATOR', 'area-b']])],
    ['an administrator of area A alone', principal([['PLAN_ADMINISTRATOR', 'area-a']])],
    ['an administrator of A who only sits on B’s board', principal([['PLAN_ADMINISTRATOR', 'area-a'], ['BOARD_CHAIR', 'area-b']])],
  ])('refuses %s once the person also works in the other area', (_who, caller) => {
    expect(() => authorizeIdentityChange(caller, inAandB, WHAT)).toThrow(ForbiddenError);
    expect(() => authorizeIdentityChange(caller, inAandB, WHAT)).toThrow(/also work in an area you do not administer/);
  });

  it('refuses someone in the area who is not its administrator', () => {
    expect(() => authorizeIdentityChange(principal([['BOARD_CHAIR', 'area-a']]), inA, WHAT)).toThrow(ForbiddenError);
    expect(() => authorizeIdentityChange(principal([['DFE_ADVISER', 'area-a']]), inA, WHAT)).toThrow(ForbiddenError);
  });

  it('tells an administrator who can see none of the person’s areas that the person does not exist', () => {
    expect(() => authorizeIdentityChange(principal([['PLAN_ADMINISTRATOR', 'area-c']]), inAandB, WHAT)).toThrow(UserNotFoundError);
  });

  it('lets any plan administrator, and no one else, change someone who works in no area yet', () => {
    expect(authorizeIdentityChange(principal([['PLAN_ADMINISTRATOR', 'area-c']]), person([]), WHAT)).toBe('PLAN_ADMINISTRATOR');
    expect(() => authorizeIdentityChange(principal([['BOARD_CHAIR', 'area-c']]), person([]), WHAT)).toThrow(ForbiddenError);
  });
});
