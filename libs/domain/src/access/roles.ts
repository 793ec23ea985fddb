/**
 * What a person may do in one local area. A person may hold several roles, in several areas.
 * - PLAN_ADMINISTRATOR: the programme office; adds, revises and withdraws actions, reassigns owners.
 * - BOARD_MEMBER / BOARD_CHAIR: review evidence, mark actions complete, reopen them.
 * - ACTION_OWNER: reports progress, milestones and evidence on the actions they own.
 * - DFE_ADVISER: reads everything in the area, changes nothing.
 */
export const ROLES = ['PLAN_ADMINISTRATOR', 'BOARD_CHAIR', 'BOARD_MEMBER', 'ACTION_OWNER', 'DFE_ADVISER'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleGrant {
  role: Role;
  localAreaId: string;
}
