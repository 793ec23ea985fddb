import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DependencyCommand, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ProjectionService } from '../infrastructure/projection.service';
import { PlanReaders } from '../reading/plan-readers.service';
import { DependencyCommands } from './dependency-commands.service';
import { DeclareDependencyInput, RemoveDependencyInput } from './dto/dependency.input';
import { DependencyNetworkModel } from './models/dependency.model';

/** Each mutation is one command on the plan's dependency network; the answer is the network as it now stands. */
@Resolver()
export class DependencyCommandsResolver {
  constructor(
    private readonly commands: DependencyCommands,
    private readonly projections: ProjectionService,
    private readonly readers: PlanReaders,
  ) {}

  @Mutation(() => DependencyNetworkModel, {
    description: 'Say that an action cannot finish until another has (programme office, or the owner of the action that waits). A cycle is refused, naming it.',
  })
  declareDependency(@Args('input') input: DeclareDependencyInput, @CurrentPrincipal() principal: Principal): Promise<DependencyNetworkModel> {
    const { planId, actionId, dependsOnActionId, note } = input;
    return this.send({ type: 'DeclareDependency', data: { planId, actionId, dependsOnActionId, note } }, input, principal);
  }

  @Mutation(() => DependencyNetworkModel, { description: 'Remove a dependency, with the reason (programme office, or the owner of the action that waits).' })
  removeDependency(@Args('input') input: RemoveDependencyInput, @CurrentPrincipal() principal: Principal): Promise<DependencyNetworkModel> {
    const { planId, actionId, dependsOnActionId, reason } = input;
    return this.send({ type: 'RemoveDependency', data: { planId, actionId, dependsOnActionId, reason } }, input, principal);
  }

  private async send(command: DependencyCommand, input: { expectedRevision?: number; commandId?: string }, principal: Principal): Promise<DependencyNetworkModel> {
    const expected = input.expectedRevision === undefined || input.expectedRevision === null ? undefined : BigInt(input.expectedRevision);
    const result = await this.commands.execute(command, expected, { principal, commandId: input.commandId });
    await this.projections.caughtUpTo(result.position);
    const reader = await this.readers.forPlan(command.data.planId, {}, principal);
    return (await reader.dependencyNetwork()).model();
  }
}
