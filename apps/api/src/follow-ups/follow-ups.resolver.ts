import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { FollowUpCommand, FollowUpOwner, Principal } from '@send/domain';
import { OwnerDirectory } from '../owners/directory/owner-directory.service';
import { deterministicUuid } from '@send/event-store';
import { ActionReadService } from '../reading/action-read.service';
import { AsAtService } from '../as-at/as-at.service';
import { asAtComplexity } from '../hardening/history-complexity';
import { ActionLogArgs } from './dto/action-log.args';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { listComplexity } from '../hardening/list-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { CloseFollowUpInput, RaiseFollowUpInput, UpdateFollowUpInput } from './dto/follow-up.input';
import { FollowUpCommands } from './follow-up-commands.service';
import { FollowUpReadService } from './follow-up-read.service';
import { FollowUpModel, FollowUpNoteModel } from './models/follow-up.model';

/** The board's meeting action log: follow-ups asked for at a meeting, carried until done. */
@Resolver(() => FollowUpModel)
export class FollowUpsResolver {
  constructor(
    private readonly commands: FollowUpCommands,
    private readonly projections: ProjectionService,
    private readonly reader: FollowUpReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
    private readonly owners: OwnerDirectory,
  ) {}

  @Query(() => [FollowUpModel], {
    description:
      "A plan's meeting action log, soonest due first (so overdue ones lead): the open follow-ups unless `statuses` says otherwise; `meetingId` keeps those one meeting asked for. With recordedBy or asAtMeeting, the log as it stood then, folded from its events (follow-ups have no corrections, so knownAt changes nothing).",
    complexity: asAtComplexity(listComplexity(15)),
  })
  async meetingActionLog(@Args() args: ActionLogArgs, @CurrentPrincipal() principal: Principal): Promise<FollowUpModel[]> {
    await this.plans.plan(args.planId, principal);
    const instant = await this.asAt.instant(args, principal, args.planId);
    this.asAt.knownAt(args, instant);
    if (instant !== undefined) await this.asAt.requirePlanExistedAt(args.planId, instant);
    return this.reader.forPlan(args.planId, args.statuses, args.meetingId ?? undefined, instant);
  }

  @ResolveField(() => [FollowUpNoteModel], { description: 'Every note since it was raised, in order (by the instant asked for, if any).', complexity: listComplexity(4) })
  notes(@Parent() followUp: FollowUpModel): Promise<FollowUpNoteModel[]> {
    return followUp.notesReader(followUp.id);
  }

  @Mutation(() => FollowUpModel, { description: 'Record a follow-up asked for at a meeting (board): what, who (an owner, by ownerId or userId), by when.' })
  async raiseFollowUp(@Args('input') input: RaiseFollowUpInput, @CurrentPrincipal() principal: Principal): Promise<FollowUpModel> {
    const commandId = input.commandId ?? randomUUID();
    // From the command id, so a retried request records the same follow-up.
    const followUpId = deterministicUuid('follow-up', commandId);
    const { meetingId, description, dueDate } = input;
    let owner: FollowUpOwner;
    if (input.ownedBy) owner = { ...(await this.owners.resolveForMeeting(input.ownedBy, meetingId, principal, 'ownedBy')), userId: null };
    else owner = { name: input.owner!.name, role: input.owner!.role, userId: input.owner!.userId ?? null };
    return this.send({ type: 'RaiseFollowUp', data: { followUpId, meetingId, description, owner, dueDate } }, principal, commandId);
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
