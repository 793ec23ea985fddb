import { DomainEvent, Principal, RoleGrant } from '@send/domain';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';

type Person = Omit<UserEntity, 'userId'>;

const byAreaThenRole = (a: RoleGrant, b: RoleGrant) => (a.localAreaId < b.localAreaId ? -1 : a.localAreaId > b.localAreaId ? 1 : a.role < b.role ? -1 : a.role > b.role ? 1 : 0);

/**
 * Who is registered and which roles they hold, in memory: what signing in needs for every
 * request, answered without a query. It folds the same user and role events as UserProjection
 * and must agree with its rows (user-directory.spec.ts holds the two side by side).
 */
export class UserDirectory {
  private readonly people = new Map<string, Person>();
  private readonly grants = new Map<string, RoleGrant[]>();

  static from(users: UserEntity[], grants: RoleGrantEntity[]): UserDirectory {
    const directory = new UserDirectory();
    for (const { userId, ...person } of users) directory.people.set(userId, person);
    for (const g of grants) directory.grant(g.userId, { role: g.role, localAreaId: g.localAreaId });
    return directory;
  }

  apply(event: DomainEvent): void {
    switch (event.type) {
      case 'UserRegistered':
        this.people.set(event.data.userId, { displayName: event.data.displayName, ownerId: event.data.ownerId, email: null });
        return;
      case 'UserEmailChanged':
        this.change(event.data.userId, { email: event.data.email });
        return;
      case 'UserOwnerLinked':
        this.change(event.data.userId, { ownerId: event.data.ownerId });
        return;
      case 'RoleGranted':
        this.grant(event.data.userId, { role: event.data.role, localAreaId: event.data.localAreaId });
        return;
      case 'RoleRevoked': {
        const { userId, role, localAreaId } = event.data;
        const left = (this.grants.get(userId) ?? []).filter((g) => g.role !== role || g.localAreaId !== localAreaId);
        if (left.length > 0) this.grants.set(userId, left);
        else this.grants.delete(userId);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The person a user id names. Someone not registered here holds no roles, whatever grants name
   * them: they see no plans, which tells them to ask for access without telling them anything else.
   */
  principal(userId: string): Principal {
    const person = this.people.get(userId);
    return {
      userId,
      displayName: person?.displayName ?? userId,
      ownerId: person?.ownerId ?? null,
      grants: person ? (this.grants.get(userId) ?? []).map((g) => ({ ...g })) : [],
    };
  }

  /** The registered people with this address, ignoring case. */
  userIdsWithEmail(email: string): string[] {
    const wanted = email.toLowerCase();
    return [...this.people].filter(([, person]) => person.email?.toLowerCase() === wanted).map(([userId]) => userId);
  }

  private change(userId: string, fields: Partial<Person>): void {
    const person = this.people.get(userId);
    if (person) this.people.set(userId, { ...person, ...fields });
  }

  private grant(userId: string, grant: RoleGrant): void {
    const held = this.grants.get(userId) ?? [];
    if (held.some((g) => g.role === grant.role && g.localAreaId === grant.localAreaId)) return;
    this.grants.set(userId, [...held, grant].sort(byAreaThenRole));
  }
}
