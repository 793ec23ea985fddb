import { ForbiddenError } from './access.errors';
import { authorizeHistoryVerification } from './history-access';
import { Principal } from './principal';

const principal = (grants: Principal['grants']): Principal => ({ userId: 'u', displayName: 'U', ownerId: null, grants }) as Principal;

describe('who may verify the history', () => {
  it('allows the DfE adviser and the board roles in their own area', () => {
    expect(authorizeHistoryVerification(principal([{ role: 'DFE_ADVISER', localAreaId: 'a' }]), 'a')).toBe('DFE_ADVISER');
    expect(authorizeHistoryVerification(principal([{ role: 'ACTION_OWNER', localAreaId: 'a' }, { role: 'BOARD_MEMBER', localAreaId: 'a' }]), 'a')).toBe('BOARD_MEMBER');
  });

  it('refuses an action owner, and a role held only in another area', () => {
    expect(() => authorizeHistoryVerification(principal([{ role: 'ACTION_OWNER', localAreaId: 'a' }]), 'a')).toThrow(ForbiddenError);
    expect(() => authorizeHistoryVerification(principal([{ role: 'DFE_ADVISER', localAreaId: 'b' }]), 'a')).toThrow(/only the DfE adviser or board chair/);
  });
});
