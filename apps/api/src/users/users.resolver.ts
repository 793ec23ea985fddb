import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { canSeeArea, InvalidValueError, LocalAreaNotFoundError, OwnerNotFoundError, Principal, UserNotFoundError } from '@send/domain';
import { ownerIdFor } from '@send/event-store';
import { RoleGrantEntity, UserEntity } from '@send/read-models';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UserCommands } from './user-commands.service';
import { listComplexity } from '../hardening/list-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { LinkUserToOwnerInput, RegisterUserInput, SetUserEmailInput } from './dto/register-user.input';
import { OwnerDirectory } from '../owners/directory/owner-directory.service';
import { RoleGrantInput } from './dto/role-grant.input';
import { UserModel } from './models/user.model';

/** Plan administrators manage who may do what in their area; every change is an event. */
@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: UserCommands,
    private readonly projections: ProjectionService,
    private readonly owners: OwnerDirectory,
  ) {}

  @Query(() => [UserModel], {
    description: 'Everyone holding a role in a local area you hold a role in; NOT_FOUND for any other area.',
    complexity: listComplexity(30),
  })
  async users(
    @Args('localAreaId', { type: () => ID }) localAreaId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserModel[]> {
    if (!canSeeArea(principal, localAreaId)) throw new LocalAreaNotFoundError(localAreaId);
    const grants = await this.dataSource.getRepository(RoleGrantEntity).find({ where: { localAreaId } });
    const ids = [...new Set(grants.map((g) => g.userId))];
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { userId: In(ids) }, order: { userId: 'ASC' } });
    return users.map((u) => this.toModel(u, grants, principal));
  }

  /**
   * Who the token speaks for and what roles they hold, so a client can show only the controls
   * this person may use (the API still checks every change).
   */
  @Query(() => UserModel, { description: 'The signed-in person, with the roles they hold.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserModel> {
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ userId: principal.userId });
    return {
      id: principal.userId,
      displayName: principal.displayName,
      ownerId: principal.ownerId,
      email: row?.email ?? null,
      roles: principal.grants.map((g) => ({ role: g.role, localAreaId: g.localAreaId })),
    };
  }

  @Mutation(() => UserModel, { description: 'Register a person (plan administrators only).' })
  async registerUser(@Args('input') input: RegisterUserInput, @CurrentPrincipal() principal: Principal): Promise<UserModel> {
    if (input.ownerId && (input.ownerName || input.ownerOrganisation)) {
      throw new InvalidValueError('ownerId', 'ownerIdOrName', 'Give ownerId, or ownerName and ownerOrganisation, not both');
    }
    // By text, the id is derived as it always was, never found by someone's current name: who may
    // act as an owner is settled by their id, so typing a name someone was renamed to links nobody to them.
    const ownerId = input.ownerId
      ? await this.visibleOwner(input.ownerId, principal)
      : input.ownerName && input.ownerOrganisation
        ? await this.ownerByFirstName(input.ownerName, input.ownerOrganisation)
        : null;
    const result = await this.commands.execute(
      { type: 'RegisterUser', data: { userId: input.userId, displayName: input.displayName, ownerId, email: input.email ?? null } },
      { principal },
    );
    await this.projections.caughtUpTo(result.position);
    return this.user(input.userId, principal);
  }

  @Mutation(() => UserModel, { description: "Set or remove the address a person's reminders go to (a plan administrator of every area they work in)." })
  async setUserEmail(@Args('input') input: SetUserEmailInput, @CurrentPrincipal() principal: Principal): Promise<UserModel> {
    const result = await this.commands.execute({ type: 'SetUserEmail', data: { userId: input.userId, email: input.email ?? null } }, { principal });
    await this.projections.caughtUpTo(result.position);
    return this.user(input.userId, principal);
  }

  @Mutation(() => UserModel, {
    description: "Link a person to the action owner they act as, by the owner's id, or unlink them (null): a plan administrator of every area they work in.",
  })
  async linkUserToOwner(@Args('input') input: LinkUserToOwnerInput, @CurrentPrincipal() principal: Principal): Promise<UserModel> {
    const ownerId = input.ownerId ? await this.visibleOwner(input.ownerId, principal) : null;
    const result = await this.commands.execute({ type: 'LinkUserToOwner', data: { userId: input.userId, ownerId } }, { principal });
    await this.projections.caughtUpTo(result.position);
    return this.user(input.userId, principal);
  }

  @Mutation(() => UserModel, { description: 'Grant a role in a local area (plan administrators of that area).' })
  grantRole(@Args('input') input: RoleGrantInput, @CurrentPrincipal() principal: Principal): Promise<UserModel> {
    return this.changeGrant('GrantRole', input, principal);
  }

  @Mutation(() => UserModel, { description: 'Revoke a role in a local area (plan administrators of that area).' })
  revokeRole(@Args('input') input: RoleGrantInput, @CurrentPrincipal() principal: Principal): Promise<UserModel> {
    return this.changeGrant('RevokeRole', input, principal);
  }

  private async changeGrant(type: 'GrantRole' | 'RevokeRole', input: RoleGrantInput, principal: Principal): Promise<UserModel> {
    const result = await this.commands.execute(
      { type, data: { userId: input.userId, role: input.role, localAreaId: input.localAreaId } },
      { principal },
    );
    await this.projections.caughtUpTo(result.position);
    return this.user(input.userId, principal);
  }

  /** An owner the asker may link people to: one named in an area they can see; any other id is not found. */
  private async visibleOwner(ownerId: string, principal: Principal): Promise<string> {
    const areas = await this.owners.areasOf(ownerId);
    if (!areas.some((area) => canSeeArea(principal, area))) throw new OwnerNotFoundError(ownerId);
    return ownerId;
  }

  /**
   * The id the text derives, unless it is the name an owner was renamed from: a name that no longer
   * names them must not link anyone to them, so the administrator links by ownerId instead.
   */
  private async ownerByFirstName(name: string, organisation: string): Promise<string> {
    const ownerId = ownerIdFor(name, organisation);
    const record = await this.owners.record(ownerId);
    if (record?.renamedAt && ownerIdFor(record.name, record.organisation) !== ownerId) {
      throw new InvalidValueError('ownerName', 'currentName', `ownerName: the owner first recorded as ${name.trim()} (${organisation.trim()}) has been renamed; link the person by ownerId`);
    }
    return ownerId;
  }

  private async user(userId: string, principal: Principal): Promise<UserModel> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ userId });
    if (!user) throw new UserNotFoundError(userId);
    return this.toModel(user, await this.dataSource.getRepository(RoleGrantEntity).find({ where: { userId } }), principal);
  }

  /** Roles in areas the asker cannot see stay hidden, like everything else in those areas. */
  private toModel(user: UserEntity, grants: RoleGrantEntity[], principal: Principal): UserModel {
    return {
      id: user.userId,
      displayName: user.displayName,
      ownerId: user.ownerId,
      email: user.email,
      roles: grants
        .filter((g) => g.userId === user.userId && canSeeArea(principal, g.localAreaId))
        .map((g) => ({ role: g.role, localAreaId: g.localAreaId }))
        .sort((a, b) => a.localAreaId.localeCompare(b.localAreaId) || a.role.localeCompare(b.role)),
    };
  }
}
