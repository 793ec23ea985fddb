import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { FollowUpCommand, Principal } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { ActionReadService } from '../actions/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity } from '../hardening/list-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { CloseFollowUpInput, RaiseFollowUpInput, UpdateFollowUpInput } from './dto/follow-up.input';
import { FollowUpCommands } from './follow-up-commands.service';
import { FollowUpReadService } from './follow-up-read.service';
import { FollowUpModel, FollowUpNoteModel, FollowUpStatusName } from './models/follow-up.model';

/** The board's meeting action log: follow-ups asked for at a meeting, carried until done. */
@Resolver(() => FollowUpModel)
export class FollowUpsResolver {
  constructor(
    private readonly commands: FollowUpCommands,
    private readonly projections: ProjectionService,
    private readonly reader: FollowUpReadService,
    private readonly plans: ActionReadService,
  ) {}

  @Query(() => [FollowUpModel], {
    description: "A plan's meeting action log, overdue first, then soonest due: the open follow-ups unless `statuses` says otherwise; `meetingId` keeps those one meeting asked for.",
    complexity: listComplexity(15),
  })
  async meetingActionLog(
    @Args('planId', { type: () => ID }) planId: string,
    @Args('statuses', { type: () => [FollowUpStatusName], defaultValue: ['OPEN'] }) statuses: FollowUpStatusName[],
    @Args('meetingId', { type: () => ID, nullable: true }) meetingId: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FollowUpModel[]> {
    await this.plans.plan(planId, principal);
    return this.reader.forPlan(planId, statuses, meetingId ?? undefined);
  }

  @ResolveField(() => [FollowUpNoteModel], { description: 'Every note since it was raised, in order.', complexity: listComplexity(4) })
  notes(@Parent() followUp: FollowUpModel): Promise<FollowUpNoteModel[]> {
    return this.reader.notes(followUp.id);
  }

  @Mutation(() => FollowUpModel, { description: 'Record a follow-up asked for at a meeting (board): what, who, by when.' })
  raiseFollowUp(@Args('input') input: RaiseFollowUpInput, @CurrentPrincipal() principal: Principal): Promise<FollowUpModel> {
    const commandId = input.commandId ?? randomUUID();
    // From the command id, so a retried request records the same follow-up.
    const followUpId = deterministicUuid('follow-up', commandId);
    const { meetingId, description, owner, dueDate } = input;
    return this.send({ type: 'RaiseFollowUp', data: { followUpId, meetingId, description, owner: { name: owner.name, role: owner.role, userId: owner.userId ?? null }, dueDate } }, principal, commandId);
  }

  @Mutation(() => FollowUpModel, { description: 'Note progress, and a new due date if agreed (board, or the owner it names).' })
  updateFollowUp(@Args('input') input: UpdateFollowUpInput, @CurrentPrincipal() principal: Principal): Promise<FollowUpModel> {
    return this.send({ type: 'UpdateFollowUp', data: { followUpId: input.followUpId, note: input.note, dueDate: input.dueDate ?? null } }, principal);
  }

  @Mutation(() => FollowUpModel, { description: 'Mark it done, saying what was done (board, or the owner it names).' })
  completeFollowUp(@Args('input') input: CloseFollowUpInput, @CurrentPrincipal() principal: Principal): Promise<FollowUpModel> {
    return this.send({ type: 'CompleteFollowUp', data: { followUpId: input.followUpId, note: input.note } }, principal);
  }

  @Mutation(() => FollowUpModel, { description: 'Drop it, saying why it is no longer needed (board).' })
  dropFollowUp(@Args('input') input: CloseFollowUpInput, @CurrentPrincipal() principal: Principal): Promise<FollowUpModel> {
    return this.send({ type: 'DropFollowUp', data: { followUpId: input.followUpId, note: input.note } }, principal);
  }

  private async send(command: FollowUpCommand, principal: Principal, commandId?: string): Promise<FollowUpModel> {
    const result = await this.commands.execute(command, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.reader.byId(command.data.followUpId, principal);
  }
}
