import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ConditionCommand, ConditionLink, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ProjectionService } from '../infrastructure/projection.service';
import { ConditionCommands } from './condition-commands.service';
import { conditionIdFor } from './condition-id';
import { ConditionReadService } from './condition-read.service';
import {
  AddConditionInput,
  ApproveConditionStatusInput,
  ConditionChangeInput,
  ConditionLinkInput,
  RecordConditionStatusInput,
  ReviseConditionWordingInput,
} from './dto/condition.input';
import { ConditionModel } from './models/condition.model';

/** None or more than one named: the domain refuses a link of no kind, naming `link`. A finance line travels as its id, which the domain checks. */
function linkOf(input: ConditionLinkInput): ConditionLink {
  const named: ConditionLink[] = [];
  if (input.actionId) named.push({ kind: 'ACTION', id: input.actionId });
  if (input.metricId) named.push({ kind: 'METRIC', id: input.metricId });
  if (input.financeLine) {
    const { line, priorityNumber } = input.financeLine;
    named.push({ kind: 'FINANCE_LINE', id: priorityNumber === undefined || priorityNumber === null ? line : `${line}:${priorityNumber}` });
  }
  return named.length === 1 ? named[0] : ({ kind: undefined, id: '' } as unknown as ConditionLink);
}

/** Each mutation is one domain command on the condition's stream; the answer is the condition as the register now shows it. */
@Resolver(() => ConditionModel)
export class ConditionCommandsResolver {
  constructor(
    private readonly commands: ConditionCommands,
    private readonly projections: ProjectionService,
    private readonly conditions: ConditionReadService,
  ) {}

  @Mutation(() => ConditionModel, { description: 'Add a condition of the direction or agreement to the register (programme office); CONFLICT if the reference is taken.' })
  addCondition(@Args('input') input: AddConditionInput, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    const { planId, ref, text, sourceParagraph, measureOfSuccess, dueDate, actionIds, metricIds } = input;
    const command: ConditionCommand = { type: 'AddCondition', data: { conditionId: conditionIdFor(planId, ref), planId, ref, text, sourceParagraph, measureOfSuccess, dueDate, actionIds, metricIds } };
    return this.send(command, undefined, principal, input.commandId);
  }

  @Mutation(() => ConditionModel, { description: "Revise a condition's wording, paragraph, measure and due date, with the reason (programme office); every version is kept." })
  reviseConditionWording(@Args('input') input: ReviseConditionWordingInput, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    const { conditionId, text, sourceParagraph, measureOfSuccess, dueDate, reason } = input;
    return this.change(input, principal, { type: 'ReviseConditionWording', data: { conditionId, text, sourceParagraph, measureOfSuccess, dueDate, reason } });
  }

  @Mutation(() => ConditionModel, { description: "Record a condition's status for a quarter, with commentary (programme office). A change to an approved status is a new version that needs approving again." })
  recordConditionStatus(@Args('input') input: RecordConditionStatusInput, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    const { conditionId, quarter, status, commentary } = input;
    return this.change(input, principal, { type: 'RecordConditionStatus', data: { conditionId, quarter, status, commentary } });
  }

  @Mutation(() => ConditionModel, { description: "Approve the version of a quarter's status you read (board chair)." })
  approveConditionStatus(@Args('input') input: ApproveConditionStatusInput, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    const { conditionId, quarter, version } = input;
    return this.change(input, principal, { type: 'ApproveConditionStatus', data: { conditionId, quarter, version } });
  }

  @Mutation(() => ConditionModel, { description: 'Link an action or a scorecard metric of the plan, or a finance line, to a condition (programme office).' })
  linkToCondition(@Args('input') input: ConditionLinkInput, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    return this.change(input, principal, { type: 'LinkToCondition', data: { conditionId: input.conditionId, link: linkOf(input) } });
  }

  @Mutation(() => ConditionModel, { description: 'Unlink an action, metric or finance line from a condition (programme office).' })
  unlinkFromCondition(@Args('input') input: ConditionLinkInput, @CurrentPrincipal() principal: Principal): Promise<ConditionModel> {
    return this.change(input, principal, { type: 'UnlinkFromCondition', data: { conditionId: input.conditionId, link: linkOf(input) } });
  }

  private change(input: ConditionChangeInput, principal: Principal, command: ConditionCommand): Promise<ConditionModel> {
    return this.send(command, BigInt(input.expectedRevision), principal, input.commandId);
  }

  private async send(command: ConditionCommand, expectedRevision: bigint | undefined, principal: Principal, commandId?: string): Promise<ConditionModel> {
    const result = await this.commands.execute(command, expectedRevision, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.conditions.byId(command.data.conditionId, principal);
  }
}
