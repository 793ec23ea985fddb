import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { deterministicUuid, actionIdFor } from '@send/event-store';
import { ActionCommand, AddAction, Principal } from '@send/domain';
import { asOfDateOf, blamingAsOfDate } from '../common/as-of-date.fields';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ActionCommands } from './action-commands.service';
import { ProjectionService } from '../infrastructure/projection.service';
import { PlanReaders } from '../reading/plan-readers.service';
import { DelegateLookupService } from './delegate-lookup.service';
import { ActionChangeInput } from './dto/action-change.input';
import {
  AddMilestoneInput,
  AttachEvidenceInput,
  CompleteActionInput,
  CompleteMilestoneInput,
  ReasonedChangeInput,
  ReassignOwnerInput,
  ReportProgressInput,
  RescheduleActionInput,
  ReviewEvidenceInput,
  SupersedeActionInput,
  DelegationInput,
} from './dto/action-changes.input';
import { AddActionInput } from './dto/add-action.input';
import { CorrectProgressInput } from './dto/correct-progress.input';
import { RateDeliveryConfidenceInput } from './dto/rate-delivery-confidence.input';
import { ActionModel } from './models/action.model';
import { OwnerDirectory } from '../owners/directory/owner-directory.service';

/**
 * New milestone and evidence ids come from the command id, so a retried command (same
 * commandId) decides exactly the same events as the first attempt.
 */
const childId = (kind: string, commandId: string, index = 0) => deterministicUuid(kind, commandId, String(index));

/** Each mutation is one domain command; the answer is the action as the read models now show it. */
@Resolver(() => ActionModel)
export class ActionCommandsResolver {
  constructor(
    private readonly commands: ActionCommands,
    private readonly projections: ProjectionService,
    private readonly readers: PlanReaders,
    private readonly delegates: DelegateLookupService,
    private readonly owners: OwnerDirectory,
  ) {}

  @Mutation(() => ActionModel, { description: 'Add an action to a plan; CONFLICT if the reference is taken.' })
  async addAction(@Args('input') input: AddActionInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const actionId = actionIdFor(input.planId, input.ref);
    const commandId = input.commandId ?? randomUUID();
    const owner = await this.owners.resolve(input.owner, input.planId, principal);
    const command: AddAction = {
      type: 'AddAction',
      data: {
        actionId,
        planId: input.planId,
        ref: input.ref,
        areaNumber: input.areaNumber,
        priorityNumbers: input.priorityNumbers,
        title: input.title,
        description: input.description,
        intendedImpact: input.intendedImpact,
        owner,
        leadOrganisation: input.leadOrganisation,
        dueDate: input.dueDate,
        milestones: input.milestones.map((m, i) => ({ milestoneId: childId('milestone', commandId, i), ...m })),
      },
    };
    const result = await this.commands.execute(command, undefined, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.readers.liveAction(actionId, principal);
  }

  @Mutation(() => ActionModel, { description: 'Give the action to another owner: by ownerId, by userId, or by name and organisation.' })
  async reassignActionOwner(@Args('input') input: ReassignOwnerInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const owner = await this.owners.resolveForAction(input.owner, input.actionId, principal);
    return this.change(input, principal, () => ({ type: 'ReassignOwner', data: { actionId: input.actionId, owner, reason: input.reason } }));
  }

  @Mutation(() => ActionModel, { description: 'Report RAG, commentary and the "as at" date.' })
  reportProgress(@Args('input') input: ReportProgressInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, rag, commentary } = input;
    return this.change(input, principal, () => ({ type: 'ReportProgress', data: { actionId, rag, commentary, asAt: asOfDateOf(input) } }));
  }

  @Mutation(() => ActionModel, {
    description: "Correct an earlier progress update (its owner or the programme office). The update stays in the history; as-at views known at a later instant show the correction.",
  })
  correctProgress(@Args('input') input: CorrectProgressInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, supersedesRevision, rag, commentary, reason } = input;
    return this.change(input, principal, () => ({
      type: 'CorrectProgress',
      data: { actionId, supersedesRevision, rag, commentary, asAt: asOfDateOf(input), reason },
    }));
  }

  @Mutation(() => ActionModel, {
    description: "Rate how confident you are that the action will achieve its intended impact (HIGH, MEDIUM, LOW), with why; kept apart from its RAG. The action's owner or delegates, or the board.",
  })
  rateDeliveryConfidence(@Args('input') input: RateDeliveryConfidenceInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, confidence, commentary } = input;
    return this.change(input, principal, () => ({ type: 'RateDeliveryConfidence', data: { actionId, confidence, commentary, asAt: asOfDateOf(input) } }));
  }

  @Mutation(() => ActionModel)
  addMilestone(@Args('input') input: AddMilestoneInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, title, dueDate } = input;
    return this.change(input, principal, (commandId) => ({
      type: 'AddMilestone',
      data: { actionId, milestoneId: childId('milestone', commandId), title, dueDate },
    }));
  }

  @Mutation(() => ActionModel)
  completeMilestone(@Args('input') input: CompleteMilestoneInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, milestoneId, completedOn } = input;
    return this.change(input, principal, () => ({ type: 'CompleteMilestone', data: { actionId, milestoneId, completedOn } }));
  }

  @Mutation(() => ActionModel, { description: 'Move the due date; a reason is required.' })
  rescheduleAction(@Args('input') input: RescheduleActionInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, dueDate, reason } = input;
    return this.change(input, principal, () => ({ type: 'RescheduleDueDate', data: { actionId, dueDate, reason } }));
  }

  @Mutation(() => ActionModel)
  attachEvidence(@Args('input') input: AttachEvidenceInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, kind, title, link, documentReference, submittedBy } = input;
    return this.change(input, principal, (commandId) => ({
      type: 'AttachEvidence',
      data: { actionId, evidenceId: childId('evidence', commandId), kind, title, link, documentReference, submittedBy },
    }));
  }

  @Mutation(() => ActionModel, { description: 'Accept or reject evidence; rejecting needs a reason.' })
  reviewEvidence(@Args('input') input: ReviewEvidenceInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, evidenceId, decision, reason } = input;
    return this.change(input, principal, () => ({ type: 'ReviewEvidence', data: { actionId, evidenceId, decision, reason } }));
  }

  @Mutation(() => ActionModel, { description: 'Mark complete (Blue); refused until evidence has been accepted.' })
  completeAction(@Args('input') input: CompleteActionInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, commentary } = input;
    return this.change(input, principal, () => ({ type: 'MarkComplete', data: { actionId, commentary, asAt: asOfDateOf(input) } }));
  }

  @Mutation(() => ActionModel)
  reopenAction(@Args('input') input: ReasonedChangeInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    return this.change(input, principal, () => ({ type: 'ReopenAction', data: { actionId: input.actionId, reason: input.reason } }));
  }

  @Mutation(() => ActionModel)
  withdrawAction(@Args('input') input: ReasonedChangeInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    return this.change(input, principal, () => ({ type: 'WithdrawAction', data: { actionId: input.actionId, reason: input.reason } }));
  }

  @Mutation(() => ActionModel)
  supersedeAction(@Args('input') input: SupersedeActionInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, supersededByActionId, reason } = input;
    return this.change(input, principal, () => ({ type: 'SupersedeAction', data: { actionId, supersededByActionId, reason } }));
  }

  @Mutation(() => ActionModel, { description: 'Let a colleague update the action for its owner (owner or programme office).' })
  async delegateAction(@Args('input') input: DelegationInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const delegate = await this.delegates.inAreaOf(input.actionId, input.delegateUserId, principal);
    const { actionId } = input;
    return this.change(input, principal, () => ({
      type: 'DelegateAction',
      data: { actionId, delegateUserId: delegate.userId, delegateName: delegate.displayName },
    }));
  }

  @Mutation(() => ActionModel)
  withdrawDelegation(@Args('input') input: DelegationInput, @CurrentPrincipal() principal: Principal): Promise<ActionModel> {
    const { actionId, delegateUserId } = input;
    return this.change(input, principal, () => ({ type: 'WithdrawDelegation', data: { actionId, delegateUserId } }));
  }

  private async change(
    input: ActionChangeInput,
    principal: Principal,
    build: (commandId: string) => ActionCommand,
  ): Promise<ActionModel> {
    const commandId = input.commandId ?? randomUUID();
    const result = await blamingAsOfDate(input, () => this.commands.execute(build(commandId), BigInt(input.expectedRevision), { principal, commandId }));
    await this.projections.caughtUpTo(result.position);
    return this.readers.liveAction(input.actionId, principal);
  }
}
