import { ActionOwner, Actor } from '@send/domain';
import { ownerIdFor } from '@send/event-store';

const COUNCIL = 'Demo Council';
const ICB = 'NHS Dorset ICB';
const FORUM = 'Demo Parent Carer Forum';
const TRUST = 'Coastal Learning Trust';
const CHARITY = 'Next Steps Youth Charity';

/**
 * The fictional people who own the demo plan's actions. They span the partnership the brief
 * describes (council, ICB, parent carer forum, a trust, a charity) so owner and organisation
 * views have something to group.
 */
const PEOPLE = {
  director: { name: 'Helen Marsh', role: 'Director of Education and Skills', organisation: COUNCIL },
  assessment: { name: 'Tom Okafor', role: 'Head of SEND Assessment and Review', organisation: COUNCIL },
  finance: { name: 'Rachel Whitfield', role: 'Finance Lead – High Needs', organisation: COUNCIL },
  sendAp: { name: 'Daniel Price', role: 'SEND and AP Lead', organisation: COUNCIL },
  inclusion: { name: 'Marcus Reid', role: 'Head of Inclusion', organisation: COUNCIL },
  commissioning: { name: 'Fiona Gallagher', role: 'Head of Commissioning (SEND and AP)', organisation: COUNCIL },
  admissions: { name: 'Gareth Lloyd', role: 'Head of Admissions', organisation: COUNCIL },
  psychology: { name: 'Dr Nina Kowalski', role: 'Principal Educational Psychologist', organisation: COUNCIL },
  adulthood: { name: 'Jamal Hussain', role: 'Preparation for Adulthood Lead', organisation: COUNCIL },
  clinical: { name: 'Dr Aisha Rahman', role: 'Designated Clinical Officer', organisation: ICB },
  forum: { name: 'Claire Benson', role: 'Co-chair', organisation: FORUM },
  seconded: { name: 'Sarah Whitcombe', role: 'Seconded headteacher, OAP lead', organisation: TRUST },
  charity: { name: 'Beth Carver', role: 'Head of Services', organisation: CHARITY },
} as const;

export type DemoOwnerKey = keyof typeof PEOPLE;

export const DEMO_ORGANISATIONS = { COUNCIL, ICB, FORUM, TRUST, CHARITY } as const;

export function demoOwner(key: DemoOwnerKey): ActionOwner {
  const person = PEOPLE[key];
  return { ownerId: ownerIdFor(person.name, person.organisation), ...person };
}

/** The user id an owner signs in with, e.g. helen.marsh (used with `npm run token -- --user`). */
export function demoUserId(key: DemoOwnerKey): string {
  return PEOPLE[key].name
    .replace(/^Dr /, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

export const DEMO_OWNER_KEYS = Object.keys(PEOPLE) as DemoOwnerKey[];

/** Owners act as themselves, so a timeline entry names the person who owns the action. */
export function ownerActor(key: DemoOwnerKey): Actor {
  return { userId: demoUserId(key), displayName: PEOPLE[key].name, role: 'ACTION_OWNER' };
}

/** The board reviews evidence and closes actions; the programme office adds and revises them. */
export const BOARD_CHAIR: Actor = {
  userId: 'board-chair',
  displayName: 'Prof. Judith Ashworth (independent chair)',
  role: 'BOARD_CHAIR',
};

export const PROGRAMME_OFFICE: Actor = {
  userId: 'programme-office',
  displayName: 'SEND Improvement Programme Office',
  role: 'PLAN_ADMINISTRATOR',
};
