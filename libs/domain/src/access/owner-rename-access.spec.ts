import { refusal } from '../shared/refusal.fixture';
import { authorizeOwnerRename } from './owner-rename-access';
import { Principal } from './principal';
import { Role } from './roles';

const person = (...grants: [Role, string][]): Principal => ({ userId: 'p', displayName: 'P', ownerId: null, grants: grants.map(([role, localAreaId]) => ({ role, localAreaId })) });
const rename = (principal: Principal, areas: string[]) => authorizeOwnerRename(principal, 'o1', areas, "change an owner's name");

describe('authorizeOwnerRename', () => {
  it('lets a plan administrator of every area that names the owner rename them', () => {
    expect(rename(person(['PLAN_ADMINISTRATOR', 'dorset']), ['dorset', 'dorset'])).toBe('PLAN_ADMINISTRATOR');
    expect(rename(person(['PLAN_ADMINISTRATOR', 'dorset'], ['PLAN_ADMINISTRATOR', 'poole']), ['dorset', 'poole'])).toBe('PLAN_ADMINISTRATOR');
  });

  it('refuses an administrator of only one of the areas that name the owner', () => {
    const error = refusal(() => rename(person(['PLAN_ADMINISTRATOR', 'dorset'], ['BOARD_MEMBER', 'poole']), ['dorset', 'poole']));
    expect(error).toMatchObject({ kind: 'forbidden' });
    expect(error.message).toContain('a plan administrator of every area that names them');
  });

  it('refuses every other role in the area, the owner themselves included', () => {
    for (const role of ['BOARD_CHAIR', 'BOARD_MEMBER', 'ACTION_OWNER', 'DFE_ADVISER'] as Role[]) {
      expect(refusal(() => rename({ ...person([role, 'dorset']), ownerId: 'o1' }, ['dorset']))).toMatchObject({ kind: 'forbidden' });
    }
  });

  it('answers not found to someone who sees none of the areas, or for an owner nothing names', () => {
    expect(refusal(() => rename(person(['PLAN_ADMINISTRATOR', 'poole']), ['dorset']))).toMatchObject({ kind: 'not_found', field: 'ownerId' });
    expect(refusal(() => rename(person(['PLAN_ADMINISTRATOR', 'dorset']), []))).toMatchObject({ kind: 'not_found', field: 'ownerId' });
  });
});
