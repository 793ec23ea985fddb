import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { ChallengeCommand, Principal } from '@send/domain';
import { deterministicUuid } from '@send/event-store';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ChallengeCommands } from './challenge-commands.service';
import { listComplexity } from '../hardening/list-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { AnswerChallengeInput, FollowUpChallengeInput, RaiseChallengeInput, ResolveChallengeInput } from './dto/challenge.input';
import { ChallengeReadService } from './challenge-read.service';
import { ChallengeMessageModel, ChallengeModel } from './models/challenge.model';
import { ChallengesArgs } from './dto/challenges.args';
import { AsAtService } from '../as-at/as-at.service';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { asAtComplexity, readsThePast } from '../hardening/history-complexity';

/** Challenge and response: the board and the DfE adviser ask, owners answer, the board resolves. */
@Resolver(() => ChallengeModel)
export class ChallengesResolver {
  constructor(
    private readonly commands: ChallengeCommands,
    private readonly projections: ProjectionService,
    private readonly reader: ChallengeReadService,
    private readonly plans: ActionReadService,
    private readonly asAt: AsAtService,
  ) {}

  @Query(() => [ChallengeModel], {
    description:
      "A plan's challenge threads, oldest first: the open ones unless `statuses` says otherwise; `subjectId` keeps one action's or risk's. With recordedBy or asAtMeeting, the threads and their turns as they stood then, folded from their events (threads have no corrections, so knownAt changes nothing).",
    complexity: asAtComplexity(listComplexity(10)),
  })
  @ExpensiveRead(readsThePast)
  async challenges(@Args() args: ChallengesArgs, @CurrentPrincipal() principal: Principal): Promise<ChallengeModel[]> {
    const plan = await this.plans.plan(args.planId, principal);
    const instant = await this.asAt.instant(args, principal, plan.planId);
    this.asAt.knownAt(args, instant);
    const subjectId = args.subjectId ?? undefined;
    if (instant === undefined) return this.reader.forPlan(plan.planId, args.statuses, subjectId);
    await this.asAt.requirePlanExistedAt(plan.planId, instant);
    return this.reader.forPlanAt(plan.planId, args.statuses, instant, subjectId);
  }

  @ResolveField(() => [ChallengeMessageModel], { description: 'Every turn, in order.', complexity: listComplexity(4) })
  messages(@Parent() challenge: ChallengeModel): Promise<ChallengeMessageModel[]> {
    return this.reader.messages(challenge.id, challenge.shownAsAt);
  }

  @Mutation(() => ChallengeModel, { description: 'Ask a question about an action or a risk (board, DfE adviser): it changes nothing in the plan.' })
  raiseChallenge(@Args('input') input: RaiseChallengeInput, @CurrentPrincipal() principal: Principal): Promise<ChallengeModel> {
    const commandId = input.commandId ?? randomUUID();
    // From the command id, so a retried request raises the same thread.
    const challengeId = deterministicUuid('challenge', commandId);
    const { planId, subjectKind, subjectId, question } = input;
    return this.send({ type: 'RaiseChallenge', data: { challengeId, planId, subject: { kind: subjectKind, id: subjectId }, question } }, principal, commandId);
  }

  @Mutation(() => ChallengeModel, { description: 'Answer the question waiting (the owner of the action or risk, the programme office).' })
  answerChallenge(@Args('input') input: AnswerChallengeInput, @CurrentPrincipal() principal: Principal): Promise<ChallengeModel> {
    return this.send({ type: 'AnswerChallenge', data: { challengeId: input.challengeId, answer: input.answer } }, principal);
  }

  @Mutation(() => ChallengeModel, { description: 'Ask a further question once the last is answered (board, DfE adviser).' })
  followUpChallenge(@Args('input') input: FollowUpChallengeInput, @CurrentPrincipal() principal: Principal): Promise<ChallengeModel> {
    return this.send({ type: 'FollowUpChallenge', data: { challengeId: input.challengeId, question: input.question } }, principal);
  }

  @Mutation(() => ChallengeModel, { description: 'Mark the thread resolved (board).' })
  resolveChallenge(@Args('input') input: ResolveChallengeInput, @CurrentPrincipal() principal: Principal): Promise<ChallengeModel> {
    return this.send({ type: 'ResolveChallenge', data: { challengeId: input.challengeId, note: input.note } }, principal);
  }

  private async send(command: ChallengeCommand, principal: Principal, commandId?: string): Promise<ChallengeModel> {
    const result = await this.commands.execute(command, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.reader.byId(command.data.challengeId, principal);
  }
}
