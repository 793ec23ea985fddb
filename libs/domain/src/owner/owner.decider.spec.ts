import { CommandMetadata } from '../shared/command-metadata';
import { refusal } from '../shared/refusal.fixture';
import { RenameOwner } from './owner.commands';
import { decideOwner, evolveOwner, initialOwnerState, OwnerDecisionContext, OwnerState } from './owner.decider';
import { OwnerEvent } from './owner.events';
import { OwnerNameTakenError, OwnerNotFoundError } from './owner.errors';

const meta: CommandMetadata = { now: '2026-06-01T10:00:00.000Z', commandId: 'c1', correlationId: 'c1' };
const given = (events: OwnerEvent[]): OwnerState => events.reduce(evolveOwner, initialOwnerState());
const recorded = { ownerId: 'o1', name: 'Jo Smith', role: 'Head of SEND', organisation: 'Dorset Council' };
const context = (overrides: Partial<OwnerDecisionContext> = {}): OwnerDecisionContext => ({ recorded, sameNameOwnerId: null, ...overrides });
const rename = (data: Partial<RenameOwner['data']> = {}): RenameOwner => ({ type: 'RenameOwner', data: { ownerId: 'o1', name: 'Jo Brown', ...data } });
const when = (command: RenameOwner, state: OwnerState, ctx = context()) => decideOwner(command, state, meta, ctx);
const renamed = (data: Partial<Extract<OwnerEvent, { type: 'OwnerRenamed' }>['data']> = {}): OwnerEvent => ({
  type: 'OwnerRenamed',
  data: { ownerId: 'o1', name: 'Jo Brown', organisation: 'Dorset Council', role: null, previousName: 'Jo Smith', previousOrganisation: 'Dorset Council', ...data },
});

describe('RenameOwner', () => {
  it('records the new name, keeping the organisation and job title when they are not given, with what they were', () => {
    expect(when(rename({ name: '  Jo Brown ' }), given([]))).toEqual([renamed()]);
  });

  it('records a new organisation and job title when given', () => {
    expect(when(rename({ organisation: ' BCP Council ', role: ' Director ' }), given([]))).toEqual([renamed({ organisation: 'BCP Council', role: 'Director' })]);
  });

  it('takes the name before from its own stream once renamed, not from the plans', () => {
    expect(when(rename({ name: 'Jo Green' }), given([renamed()]))).toEqual([renamed({ name: 'Jo Green', previousName: 'Jo Brown' })]);
  });

  it('records nothing when the name, organisation and title are what is recorded already', () => {
    expect(when(rename({ name: 'Jo Smith', role: 'Head of SEND' }), given([]))).toEqual([]);
    expect(when(rename(), given([renamed()]))).toEqual([]);
  });

  it('counts a change of case as a change (a misspelt name is put right)', () => {
    expect(when(rename({ name: 'Jo smith' }), given([]))).toEqual([renamed({ name: 'Jo smith' })]);
  });

  it('refuses an owner no plan names, naming the field', () => {
    const error = refusal(() => when(rename(), given([]), context({ recorded: null })));
    expect(error).toBeInstanceOf(OwnerNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', field: 'ownerId', rule: 'ownerExists' });
  });

  it('refuses a name and organisation someone else is recorded under', () => {
    const error = refusal(() => when(rename(), given([]), context({ sameNameOwnerId: 'o2' })));
    expect(error).toBeInstanceOf(OwnerNameTakenError);
    expect(error).toMatchObject({ kind: 'already_exists', field: 'name', rule: 'ownerNameUnique' });
  });

  it('refuses a blank name or organisation, naming the field', () => {
    expect(refusal(() => when(rename({ name: ' \u200b ' }), given([])))).toMatchObject({ kind: 'invalid', field: 'name', rule: 'required' });
    expect(refusal(() => when(rename({ organisation: '  ' }), given([])))).toMatchObject({ kind: 'invalid', field: 'organisation', rule: 'required' });
  });
});

describe('evolveOwner', () => {
  it('keeps the last job title given when a later rename leaves it', () => {
    expect(given([renamed({ role: 'Director' }), renamed({ name: 'Jo Green' })])).toEqual({ renamed: true, ownerId: 'o1', name: 'Jo Green', organisation: 'Dorset Council', role: 'Director' });
  });
});
