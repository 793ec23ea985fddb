import { ownerIdFor } from '@send/event-store';
import { KnownOwners, lookUpOwner } from './owner-lookup';

const helen = { ownerId: ownerIdFor('Helen Marsh', 'Demo Council'), name: 'Helen Marsh', role: 'Director of Education and Skills', organisation: 'Demo Council' };
const known: KnownOwners = {
  planOwners: [helen],
  areaUsers: [
    { userId: 'helen.marsh', displayName: 'Helen Marsh', ownerId: helen.ownerId },
    { userId: 'tom.okafor', displayName: 'Tom Okafor', ownerId: ownerIdFor('Tom Okafor', 'Demo Council') },
    { userId: 'board-chair', displayName: 'Judith Ashworth', ownerId: null },
  ],
};
const look = (name: string, organisation = 'Demo Council', role = '') => lookUpOwner(name, organisation, role, known, 'demo-area');

describe('lookUpOwner', () => {
  it("finds an owner of the plan by name and organisation, case aside, with the plan's record of them", () => {
    expect(look('helen marsh', 'demo council')).toEqual({ value: helen });
    expect(look('Helen Marsh', 'Demo Council', 'Interim Director')).toEqual({ value: { ...helen, role: 'Interim Director' } });
  });

  it('finds a registered owner new to the plan, who then needs a job title', () => {
    expect(look('tom okafor')).toMatchObject({ code: 'OWNER_ROLE_MISSING' });
    expect(look('tom okafor', 'Demo Council', 'Head of SEND Assessment and Review')).toEqual({
      value: { ownerId: ownerIdFor('Tom Okafor', 'Demo Council'), name: 'Tom Okafor', role: 'Head of SEND Assessment and Review', organisation: 'Demo Council' },
    });
  });

  it('finds an owner by their user id', () => {
    expect(look('helen.marsh')).toEqual({ value: helen });
  });

  it('refuses a misspelt name, the right name in the wrong organisation, and a user who acts as no owner', () => {
    for (const [name, organisation] of [['Helen Mrash', 'Demo Council'], ['Helen Marsh', 'NHS Dorset ICB'], ['board-chair', 'Demo Council']]) {
      expect(look(name, organisation)).toMatchObject({ code: 'UNKNOWN_OWNER', message: expect.stringContaining(`"${name}" of "${organisation}"`) });
    }
  });

  it('finds an owner renamed since by the name they go by now, under the id they always had', () => {
    const renamed = { ...helen, name: 'Helen Marsh-Ellis' };
    const afterRename = { ...known, planOwners: [renamed] };
    expect(lookUpOwner('helen marsh-ellis', 'Demo Council', '', afterRename, 'demo-area')).toEqual({ value: renamed });
  });
});
