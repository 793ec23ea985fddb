import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { MeetingCommand, Principal } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { ActionReadService } from '../reading/action-read.service';
import { AsAtService } from '../as-at/as-at.service';
import { PlanReaders } from '../reading/plan-readers.service';
import { PlanModel } from '../plans/models/plan.model';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { MeetingCommands } from './meeting-commands.service';
import { listComplexity } from '../hardening/list-complexity';
import { asAtComplexity, planHistoryComplexity, readsThePast } from '../hardening/history-complexity';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { ProjectionService } from '../infrastructure/projection.service';
import { CloseMeetingInput, RecordAttendanceInput, RecordDecisionInput, RecordPlanDecisionInput, ScheduleMeetingInput } from './dto/meeting.input';
import { MeetingsArgs } from './dto/meetings.args';
import { MeetingReadService } from '../reading/meeting-read.service';
import { KnownAs } from './models/known-as.model';
import { MeetingModel } from './models/meeting.model';

/** The board's own record: meetings, who attended, and what was decided about which action. */
@Resolver(() => MeetingModel)
export class MeetingsResolver {
  constructor(
    private readonly commands: MeetingCommands,
    private readonly projections: ProjectionService,
    private readonly reader: MeetingReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
    private readonly readers: PlanReaders,
  ) {}

  @Query(() => [MeetingModel], {
    description:
      "A plan's board meetings, oldest first, with their decisions. With asAt or asAtMeeting, the meetings and decisions as they stood then, folded from their events (meetings have no corrections, so knownAt changes nothing).",
    complexity: asAtComplexity(listComplexity(12)),
  })
  @ExpensiveRead(readsThePast)
  async meetings(@Args() args: MeetingsArgs, @CurrentPrincipal() principal: Principal): Promise<MeetingModel[]> {
    const plan = await this.plans.plan(args.planId, principal);
    const instant = await this.asAt.instant(args, principal, plan.planId);
    this.asAt.knownAt(args, instant);
    if (instant !== undefined) await this.asAt.requirePlanExistedAt(plan.planId, instant);
    return this.reader.forPlan(plan.planId, instant);
  }

  @Query(() => MeetingModel)
  meeting(@Args('id', { type: () => ID }) id: string, @CurrentPrincipal() principal: Principal): Promise<MeetingModel> {
    return this.reader.meeting(id, principal);
  }

  @ResolveField(() => PlanModel, {
    nullable: true,
    description: 'The plan as at the close of this meeting: THEN exactly as the board was told, NOW with the corrections recorded since. Null while the meeting is open.',
    complexity: planHistoryComplexity(),
  })
  async plan(
    @Parent() meeting: MeetingModel,
    @Args('known', { type: () => KnownAs, defaultValue: KnownAs.THEN }) known: KnownAs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlanModel | null> {
    if (!meeting.closed) return null;
    const closedAt = (await this.asAt.instant({ asAtMeeting: meeting.id }, principal, meeting.planId))!;
    const knownAt = known === KnownAs.NOW ? this.asAt.knownAt({ knownAt: 'now' }, closedAt) : undefined;
    return (await this.readers.at(meeting.planId, closedAt, knownAt)).plan();
  }

  @Mutation(() => MeetingModel, { description: 'Schedule a board meeting or DfE quarterly review (board roles).' })
  scheduleMeeting(@Args('input') input: ScheduleMeetingInput, @CurrentPrincipal() principal: Principal): Promise<MeetingModel> {
    const meetingId = randomUUID();
    const { planId, type, date, title } = input;
    return this.run({ type: 'ScheduleMeeting', data: { meetingId, planId, meetingType: type, date, title } }, principal);
  }

  @Mutation(() => MeetingModel)
  recordAttendance(@Args('input') input: RecordAttendanceInput, @CurrentPrincipal() principal: Principal): Promise<MeetingModel> {
    const { meetingId, attendees, apologies } = input;
    return this.run({ type: 'RecordAttendance', data: { meetingId, attendees, apologies } }, principal);
  }

  @Mutation(() => MeetingModel, { description: 'Minute a decision about an action; it appears in that action’s timeline.' })
  recordDecision(@Args('input') input: RecordDecisionInput, @CurrentPrincipal() principal: Principal): Promise<MeetingModel> {
    const commandId = input.commandId ?? randomUUID();
    const { meetingId, actionId, kind, summary } = input;
    const decisionId = deterministicUuid('decision', commandId);
    return this.run({ type: 'RecordDecision', data: { meetingId, decisionId, actionId, kind, summary } }, principal, commandId);
  }

  @Mutation(() => MeetingModel, { description: 'Minute a decision about the plan as a whole, or about one risk of it (board roles); a risk’s decisions show on the risk.' })
  recordPlanDecision(@Args('input') input: RecordPlanDecisionInput, @CurrentPrincipal() principal: Principal): Promise<MeetingModel> {
    const commandId = input.commandId ?? randomUUID();
    const { meetingId, subjectKind, riskId, kind, summary } = input;
    const decisionId = deterministicUuid('decision', commandId);
    // A risk decision without its risk reaches the domain as a risk id of '' and is refused there, naming the rule.
    const subject = subjectKind === 'RISK' ? { kind: 'RISK' as const, riskId: riskId ?? '' } : { kind: 'PLAN' as const };
    return this.run({ type: 'RecordPlanDecision', data: { meetingId, decisionId, subject, kind, summary } }, principal, commandId);
  }

  @Mutation(() => MeetingModel, { description: 'Close the meeting; its record can no longer change.' })
  closeMeeting(@Args('input') input: CloseMeetingInput, @CurrentPrincipal() principal: Principal): Promise<MeetingModel> {
    return this.run({ type: 'CloseMeeting', data: { meetingId: input.meetingId, minutesReference: input.minutesReference } }, principal);
  }

  private async run(command: MeetingCommand, principal: Principal, commandId?: string): Promise<MeetingModel> {
    const result = await this.commands.execute(command, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.reader.meeting(command.data.meetingId, principal);
  }
}
