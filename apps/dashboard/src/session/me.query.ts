import type { Role } from '@send/domain';

export const ME_QUERY = `query Me {
  me { id displayName ownerId roles { role localAreaId } }
  plans { id title version localArea { id name } }
  now
}`;

export interface Me {
  id: string;
  displayName: string;
  ownerId: string | null;
  roles: { role: Role; localAreaId: string }[];
}

export interface PlanSummary {
  id: string;
  title: string;
  version: string;
  localArea: { id: string; name: string };
}

export interface MeAnswer {
  me: Me;
  plans: PlanSummary[];
  /** The API's clock: the dashboard's "today" comes from it (see tracker-today.ts). */
  now: string;
}
