import { refusal } from '../shared/refusal.fixture';
import { authorizeCommand } from '../access/access-policy';
import { Principal } from '../access/principal';
import { ActionEvent } from './action.events';
import { ActionClosedError, AlreadyDelegatedError, NotDelegatedError } from './action.errors';
import { given, meta, when } from './action.fixture';
import { decideAction } from './action.decider';
import { upcast } from '../upcasting';

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
const delegated: ActionEvent = { type: 'ActionDelegated', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee', delegatedBy: null } };
const delegatedBy = (delegateUserId: string, delegateName: string, by: string): ActionEvent => ({
  type: 'ActionDelegated',
  data: { actionId, delegateUserId, delegateName, delegatedBy: by },
});
const withdrawn = (delegateUserId: string, delegateName: string): ActionEvent => ({ type: 'DelegationWithdrawn', data: { actionId, delegateUserId, delegateName } });

describe('Delegating an action', () => {
  it('records the delegate, who then appears in the state', () => {
    const events = when({ type: 'DelegateAction', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } }, given([added]));
    expect(events).toEqual([delegated]);
    expect(given([added, ...events])).toMatchObject({ delegates: { 'sam.lee': { name: 'Sam Lee', delegatedBy: null } } });
  });

  it('records who delegated, from the acting user in the metadata', () => {
    const command = { type: 'DelegateAction', data: { actionId, delegateUserId: 'sam.lee', delegateName: 'Sam Lee' } } as const;
    const events = decideAction(command, given([added]), { ...meta(), actor: { userId: 'nina.k', role: 'ACTION_OWNER' } });
    expect(events).toEqual([delegatedBy('sam.lee', 'Sam Lee', 'nina.k')]);
  });

  it.each([
    ['delegateUserId', { delegateUserId: ' ', delegateName: 'Sam Lee' }],
    ['delegateName', { delegateUserId: 'sam.lee', delegateName: '' }],
  ])('refuses a blank %s, naming the field', (field, who) => {
    expect(refusal(() => when({ type: 'DelegateAction', data: { actionId, ...who } }, given([added])))).toMatchObject({
      kind: 'invalid',
      field,
      rule: 'required',
    });
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
    expect(events).toEqual([withdrawn('sam.lee', 'Sam Lee')]);
    expect(given([added, delegated, ...events])).toMatchObject({ delegates: {} });
  });

  it('refuses to withdraw a delegation that does not exist', () => {
    const error = refusal(() => when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'nobody' } }, given([added])));
    expect(error).toBeInstanceOf(NotDelegatedError);
  });
});

describe('Withdrawing a delegate withdraws the chain they started', () => {
  // Histories from before only owners could delegate: the owner gave it to Sam, Sam to Jo, Jo to Kim.
  const chain = [added, delegatedBy('sam.lee', 'Sam Lee', 'nina.k'), delegatedBy('jo.e', 'Jo Evans', 'sam.lee'), delegatedBy('kim.w', 'Kim Wu', 'jo.e')];
  const alsoOwnerGave = delegatedBy('ravi.s', 'Ravi Shah', 'nina.k');

  it('withdraws the delegate and everyone who holds the action through them, nearest first', () => {
    const events = when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'sam.lee' } }, given([...chain, alsoOwnerGave]));
    expect(events).toEqual([withdrawn('sam.lee', 'Sam Lee'), withdrawn('jo.e', 'Jo Evans'), withdrawn('kim.w', 'Kim Wu')]);
    expect(given([...chain, alsoOwnerGave, ...events])).toMatchObject({ delegates: { 'ravi.s': { name: 'Ravi Shah' } } });
    expect(Object.keys((given([...chain, alsoOwnerGave, ...events]) as { delegates: object }).delegates)).toEqual(['ravi.s']);
  });

  it('withdraws only the part of the chain below the one withdrawn', () => {
    const events = when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'jo.e' } }, given(chain));
    expect(events).toEqual([withdrawn('jo.e', 'Jo Evans'), withdrawn('kim.w', 'Kim Wu')]);
  });

  it('ends on a loop of delegations (A gave to B, B back to A after A was re-added)', () => {
    const loop = [added, delegatedBy('sam.lee', 'Sam Lee', 'jo.e'), delegatedBy('jo.e', 'Jo Evans', 'sam.lee')];
    const events = when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'sam.lee' } }, given(loop));
    expect(events).toEqual([withdrawn('sam.lee', 'Sam Lee'), withdrawn('jo.e', 'Jo Evans')]);
  });

  it('traces a version 1 delegation, recorded before it named who delegated, through the actor on the event', () => {
    const v1 = (delegateUserId: string, delegateName: string, actorUserId: string) =>
      upcast('ActionDelegated', 1, { actionId, delegateUserId, delegateName }, { actor: { userId: actorUserId } }) as ActionEvent;
    const history = [added, v1('sam.lee', 'Sam Lee', 'nina.k'), v1('jo.e', 'Jo Evans', 'sam.lee')];
    expect(history[2]).toEqual(delegatedBy('jo.e', 'Jo Evans', 'sam.lee'));
    const events = when({ type: 'WithdrawDelegation', data: { actionId, delegateUserId: 'sam.lee' } }, given(history));
    expect(events).toEqual([withdrawn('sam.lee', 'Sam Lee'), withdrawn('jo.e', 'Jo Evans')]);
  });
});

describe('Reassigning the owner', () => {
  it('withdraws every delegation: delegates act for the owner who chose them, and the new owner starts with none', () => {
    const owner = { ownerId: 'owner-send-lead', name: 'Priya Shah', role: 'SEND and AP Lead', organisation: 'Council' };
    const history = [added, delegatedBy('sam.lee', 'Sam Lee', 'nina.k'), delegatedBy('jo.e', 'Jo Evans', 'programme.office')];
    const events = when({ type: 'ReassignOwner', data: { actionId, owner, reason: 'Restructure' } }, given(history));
    expect(events.map((e) => e.type)).toEqual(['OwnerReassigned', 'DelegationWithdrawn', 'DelegationWithdrawn']);
    expect(events.slice(1)).toEqual([withdrawn('sam.lee', 'Sam Lee'), withdrawn('jo.e', 'Jo Evans')]);
    expect(given([...history, ...events])).toMatchObject({ delegates: {} });
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

  it('may not pass the action on, nor withdraw anyone from it: only the owner or the programme office may', () => {
    for (const command of ['DelegateAction', 'WithdrawDelegation'] as const) {
      expect(() => authorizeCommand(deputy, command, 'area-1', 'owner-psychology', ['sam.lee'])).toThrow(/owner/);
      expect(authorizeCommand({ ...deputy, ownerId: 'owner-psychology' }, command, 'area-1', 'owner-psychology', [])).toBe('ACTION_OWNER');
    }
  });

  it('gains nothing the owner could not do: board decisions stay with the board', () => {
    expect(() => authorizeCommand(deputy, 'MarkComplete', 'area-1', 'owner-psychology', ['sam.lee'])).toThrow();
  });
});
