import { refusal } from '../shared/refusal.fixture';
import { authorizeCommand } from '../access/access-policy';
import { Principal } from '../access/principal';
import { ActionEvent } from './action.events';
import { ActionClosedError, AlreadyDelegatedError, NotDelegatedError } from './action.errors';
import { given, when } from './action.fixture';

const actionId = 'action-3-2';
const added: ActionEvent = {
  type: 'ActionAdded',
  data: {
    actionId,
    planId: 'plan-1',
    ref: '3.2',
    areaNumber: 3,
    priorityNumbers: [2],
    title: 'EBSNA guidance, co-produced',
    description: 'Emotionally based school non-attendance guidance with the parent carer forum.',
    intendedImpact: 'Fewer children out of school for long periods.',
    owner: { ownerId: 'owner-psychology', name: 'Dr Nina Kowalski', role: 'Principal Educational Psychologist', organisation: 'Council' },
    leadOrganisation: 'Council',
    dueDate: '2026-09-30',
  },
};
const delegated: ActionEvent = { type: 'ActionDelegated', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } };

describe('Delegating an action', () => {
  it('records the delegate, who then appears in the state', () => {
    const events = when({ type: 'DelegateAction', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } }, given([added]));
    expect(events).toEqual([delegated]);
    expect(given([added, ...events])).toMatchObject({ delegates: { 'sam.lee': 'Sam Lee' } });
  });

  it('refuses the same delegate twice', () => {
    const error = refusal(() =>
      when({ type: 'DelegateAction', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } }, given([added, delegated])),
    );
    expect(error).toBeInstanceOf(AlreadyDelegatedError);
    expect(error.rule).toBe('delegateIsNew');
  });

  it('refuses to delegate a withdrawn action', () => {
    const withdrawn: ActionEvent = { type: 'ActionWithdrawn', data: { actionId, reason: 'Merged' } };
    const error = refusal(() =>
      when({ type: 'DelegateAction', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } }, given([added, withdrawn])),
    );
    expect(error).toBeInstanceOf(ActionClosedError);
  });

  it('withdraws a delegation, naming who it was', () => {
    const events = when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'sam.lee' } }, given([added, delegated]));
    expect(events).toEqual([{ type: 'DelegationWithdrawn', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } }]);
    expect(given([added, delegated, ...events])).toMatchObject({ delegates: {} });
  });

  it('refuses to withdraw a delegation that does not exist', () => {
    const error = refusal(() => when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'nobody' } }, given([added])));
    expect(error).toBeInstanceOf(NotDelegatedError);
  });
});

describe('A delegate acts for the owner', () => {
  const deputy: Principal = {
    userId: 'sam.lee',
    displayName: 'Sam Lee',
    ownerId: 'owner-sam',
    grants: [{ role: 'ACTION_OWNER', localAreaId: 'area-1' }],
  };

  it('may report progress and attach evidence on the delegated action', () => {
    expect(authorizeCommand(deputy, 'ReportProgress', 'area-1', 'owner-psychology', ['sam.lee'])).toBe('ACTION_OWNER');
    expect(authorizeCommand(deputy, 'AttachEvidence', 'area-1', 'owner-psychology', ['sam.lee'])).toBe('ACTION_OWNER');
  });

  it('may not once the delegation is gone, nor without the owner role in the area', () => {
    expect(() => authorizeCommand(deputy, 'ReportProgress', 'area-1', 'owner-psychology', [])).toThrow(/owner/);
    const noRole = { ...deputy, grants: [{ role: 'DFE_ADVISER' as const, localAreaId: 'area-1' }] };
    expect(() => authorizeCommand(noRole, 'ReportProgress', 'area-1', 'owner-psychology', ['sam.lee'])).toThrow();
  });

  it('gains nothing the owner could not do: board decisions stay with the board', () => {
    expect(() => authorizeCommand(deputy, 'MarkComplete', 'area-1', 'owner-psychology', ['sam.lee'])).toThrow();
  });
});
