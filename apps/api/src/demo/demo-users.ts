import { Principal, Role } from '@send/domain';
import { BOARD_CHAIR, DEMO_OWNER_KEYS, demoOwner, demoUserId, PROGRAMME_OFFICE } from './demo-owners';

export const DEMO_LOCAL_AREA = { id: 'demo-area', name: 'Demo local area (unitary council)' };

export interface DemoUser {
  userId: string;
  displayName: string;
  ownerId: string | null;
  roles: Role[];
  /** Where reminders go: a reserved `.example` domain, so a demo can never mail anyone real. */
  email: string;
}

const demoEmail = (userId: string) => `${userId}@demo-council.example`;

/**
 * Someone for every role, so each view can be tried with `npm run token -- --user <id>`:
 * the programme office, the board's chair and a member, the DfE adviser, and every owner.
 */
export const DEMO_USERS: DemoUser[] = [
  { userId: PROGRAMME_OFFICE.userId, displayName: PROGRAMME_OFFICE.displayName!, ownerId: null, roles: ['PLAN_ADMINISTRATOR'], email: demoEmail(PROGRAMME_OFFICE.userId) },
  { userId: BOARD_CHAIR.userId, displayName: BOARD_CHAIR.displayName!, ownerId: null, roles: ['BOARD_CHAIR'], email: demoEmail(BOARD_CHAIR.userId) },
  { userId: 'board-member', displayName: 'Cllr Priya Shah (board member)', ownerId: null, roles: ['BOARD_MEMBER'], email: demoEmail('board-member') },
  { userId: 'dfe-adviser', displayName: 'DfE SEND adviser', ownerId: null, roles: ['DFE_ADVISER'], email: demoEmail('dfe-adviser') },
  ...DEMO_OWNER_KEYS.map((key) => ({
    userId: demoUserId(key),
    displayName: demoOwner(key).name,
    ownerId: demoOwner(key).ownerId,
    roles: ['ACTION_OWNER'] as Role[],
    email: demoEmail(demoUserId(key)),
  })),
];

export function demoPrincipal(userId: string): Principal {
  const user = DEMO_USERS.find((u) => u.userId === userId);
  if (!user) throw new Error(`No demo user ${userId}`);
  return {
    userId: user.userId,
    displayName: user.displayName,
    ownerId: user.ownerId,
    grants: user.roles.map((role) => ({ role, localAreaId: DEMO_LOCAL_AREA.id })),
  };
}
