import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { OwnerNotFoundError, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ProjectionService } from '../infrastructure/projection.service';
import { RenameOwnerInput } from './dto/rename-owner.input';
import { OwnerModel } from './models/owner.model';
import { OwnerCommands } from './owner-commands.service';
import { OwnerDirectory } from './directory/owner-directory.service';

@Resolver(() => OwnerModel)
export class OwnerCommandsResolver {
  constructor(
    private readonly commands: OwnerCommands,
    private readonly directory: OwnerDirectory,
    private readonly projections: ProjectionService,
  ) {}

  @Mutation(() => OwnerModel, {
    description:
      "Change an owner's name (and organisation or job title) everywhere they are shown, keeping their id: what they own and who acts as them stay. " +
      'A plan administrator of every area that names them. Views as at an earlier instant show the name then.',
  })
  async renameOwner(@Args('input') input: RenameOwnerInput, @CurrentPrincipal() principal: Principal): Promise<OwnerModel> {
    const { ownerId, name, organisation, role, commandId } = input;
    const result = await this.commands.execute({ type: 'RenameOwner', data: { ownerId, name, organisation, role } }, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    const record = await this.directory.record(ownerId);
    if (!record) throw new OwnerNotFoundError(ownerId);
    return { id: record.ownerId, name: record.name, role: record.role, organisation: record.organisation };
  }
}
