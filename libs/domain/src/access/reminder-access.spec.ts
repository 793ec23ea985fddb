import { ForbiddenError } from './access.errors';
import { Principal } from './principal';
import { authorizeReminderReading, authorizeReminderResend } from './reminder-access';

const principal = (grants: Principal['grants']): Principal => ({ userId: 'u', displayName: 'U', ownerId: null, grants }) as Principal;

describe("who may see a plan's reminder mails", () => {
  it('allows the programme office and the DfE adviser in their own area', () => {
    expect(authorizeReminderReading(principal([{ role: 'PLAN_ADMINISTRATOR', localAreaId: 'a' }]), 'a')).toBe('PLAN_ADMINISTRATOR');
    expect(authorizeReminderReading(principal([{ role: 'DFE_ADVISER', localAreaId: 'a' }]), 'a')).toBe('DFE_ADVISER');
  });

  it.each(['ACTION_OWNER', 'BOARD_CHAIR', 'BOARD_MEMBER'] as const)('refuses the %s role', (role) => {
    expect(() => authorizeReminderReading(principal([{ role, localAreaId: 'a' }]), 'a')).toThrow(ForbiddenError);
  });

  it('refuses a reader role held only in another area', () => {
    expect(() => authorizeReminderReading(principal([{ role: 'DFE_ADVISER', localAreaId: 'b' }]), 'a')).toThrow(/only plan administrator or the DfE adviser may/);
  });
});

describe('who may send a reminder again', () => {
  it('allows the programme office in its own area', () => {
    expect(authorizeReminderResend(principal([{ role: 'PLAN_ADMINISTRATOR', localAreaId: 'a' }]), 'a')).toBe('PLAN_ADMINISTRATOR');
  });

  it.each(['DFE_ADVISER', 'ACTION_OWNER', 'BOARD_CHAIR', 'BOARD_MEMBER'] as const)('refuses the %s role, the DfE adviser who may read them included', (role) => {
    expect(() => authorizeReminderResend(principal([{ role, localAreaId: 'a' }]), 'a')).toThrow(ForbiddenError);
  });

  it('refuses a plan administrator of another area', () => {
    expect(() => authorizeReminderResend(principal([{ role: 'PLAN_ADMINISTRATOR', localAreaId: 'b' }, { role: 'DFE_ADVISER', localAreaId: 'a' }]), 'a')).toThrow('You may not send a reminder again: only plan administrator may');
  });
});
