import { DataSource, In } from 'typeorm';
import { ActionOwner, OwnerRenamed } from '@send/domain';
import { EventStore } from '@send/event-store';
import { OwnerEntity, renamedOwner, RoleGrantEntity, UserEntity } from '@send/read-models';
import { AreaUser, KnownOwners } from './owner-lookup';

/** Where an import learns who may be named as an owner. */
export interface PlanImportDirectory {
  knownOwners(planId: string, localAreaId: string): Promise<KnownOwners>;
}

/** The running api's directory: its read models. */
export function readModelDirectory(dataSource: DataSource): PlanImportDirectory {
  return {
    async knownOwners(planId, localAreaId) {
      const planOwners = await dataSource.getRepository(OwnerEntity).find({ where: { planId } });
      const grants = await dataSource.getRepository(RoleGrantEntity).find({ where: { localAreaId } });
      const userIds = [...new Set(grants.map((g) => g.userId))];
      const users = userIds.length === 0 ? [] : await dataSource.getRepository(UserEntity).find({ where: { userId: In(userIds) } });
      return {
        planOwners: planOwners.map(({ ownerId, name, role, organisation }) => ({ ownerId, name, role, organisation })),
        areaUsers: users.map(({ userId, displayName, ownerId }) => ({ userId, displayName, ownerId })),
      };
    },
  };
}

/** The command line's directory: one scan of the event store, so it needs no read models and can run beside the api. */
export function eventStoreDirectory(store: EventStore): PlanImportDirectory {
  return {
    async knownOwners(planId, localAreaId) {
      const planOfAction = new Map<string, string>();
      const planOwners = new Map<string, ActionOwner>();
      const users = new Map<string, AreaUser>();
      const grants = new Map<string, Set<string>>();
      const renames = new Map<string, OwnerRenamed['data']>();
      for (const event of await store.readAll()) {
        const data = event.data as Record<string, any>;
        if (event.type === 'ActionAdded') planOfAction.set(data.actionId, data.planId);
        if ((event.type === 'ActionAdded' || event.type === 'OwnerReassigned') && planOfAction.get(data.actionId) === planId) {
          planOwners.set(data.owner.ownerId, data.owner);
        }
        if (event.type === 'UserRegistered') users.set(data.userId, { userId: data.userId, displayName: data.displayName, ownerId: data.ownerId ?? null });
        if (event.type === 'UserOwnerLinked' && users.has(data.userId)) users.set(data.userId, { ...users.get(data.userId)!, ownerId: data.ownerId });
        // Applied after the scan, as the read models show them: under the name they go by now.
        if (event.type === 'OwnerRenamed') renames.set(data.ownerId, data as OwnerRenamed['data']);
        const key = `${data.role}\u0000${data.localAreaId}`;
        if (event.type === 'RoleGranted') grants.set(data.userId, new Set([...(grants.get(data.userId) ?? []), key]));
        if (event.type === 'RoleRevoked') grants.get(data.userId)?.delete(key);
      }
      const inArea = (userId: string) => [...(grants.get(userId) ?? [])].some((key) => key.endsWith(`\u0000${localAreaId}`));
      const named = [...planOwners.values()].map((o) => (renames.has(o.ownerId) ? renamedOwner(o, renames.get(o.ownerId)!) : o));
      return { planOwners: named, areaUsers: [...users.values()].filter((u) => inArea(u.userId)) };
    },
  };
}
