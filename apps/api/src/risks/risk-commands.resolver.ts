import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { deterministicUuid, riskIdFor } from '@send/event-store';
import { Principal, RiskCommand } from '@send/domain';
import { asOfDateOf, blamingAsOfDate } from '../common/as-of-date.fields';
import { OwnerDirectory } from '../owners/directory/owner-directory.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RiskCommands } from './risk-commands.service';
import { ProjectionService } from '../infrastructure/projection.service';
import {
  AddMitigationInput,
  ChangeMitigationStatusInput,
  ChangeRiskLinksInput,
  CloseRiskInput,
  RaiseRiskInput,
  ReassignRiskOwnerInput,
  RecordRiskAsIssueInput,
  RescoreRiskInput,
  ReviseRiskTargetInput,
  RiskChangeInput,
  SetRiskReviewDateInput,
} from './dto/risk.input';
import { RiskModel } from './models/risk.model';
import { RiskReadService } from './risk-read.service';

/** Each mutation is one domain command on the risk's stream; the answer is the risk as the register now shows it. */
@Resolver(() => RiskModel)
export class RiskCommandsResolver {
  constructor(
    private readonly commands: RiskCommands,
    private readonly projections: ProjectionService,
    private readonly risks: RiskReadService,
    private readonly owners: OwnerDirectory,
  ) {}

  @Mutation(() => RiskModel, { description: "Raise a risk in a plan's register (programme office, board); CONFLICT if the reference is taken." })
  async raiseRisk(@Args('input') input: RaiseRiskInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    const riskId = riskIdFor(input.planId, input.ref);
    const { planId, ref, title, description, cause, consequence, areaNumbers, priorityNumbers, actionIds, inherent, current, target, reviewDate } = input;
    const owner = await this.owners.resolve(input.owner, planId, principal);
    const command: RiskCommand = {
      type: 'RaiseRisk',
      data: { riskId, planId, ref, title, description, cause, consequence, owner, areaNumbers, priorityNumbers, actionIds, inherent: { ...inherent }, current: { ...current }, target: { ...target }, reviewDate },
    };
    return this.send(command, undefined, principal, input.commandId);
  }

  @Mutation(() => RiskModel, { description: "Re-score a risk (its owner, the programme office): a commentary and the day it describes are required; the history is kept." })
  rescoreRisk(@Args('input') input: RescoreRiskInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.change(input, principal, { type: 'RescoreRisk', data: { riskId: input.riskId, current: { ...input.current }, commentary: input.commentary, asAt: asOfDateOf(input) } });
  }

  @Mutation(() => RiskModel, { description: 'Change the areas, priorities and actions a risk threatens (programme office).' })
  changeRiskLinks(@Args('input') input: ChangeRiskLinksInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    const { riskId, areaNumbers, priorityNumbers, actionIds } = input;
    return this.change(input, principal, { type: 'ChangeRiskLinks', data: { riskId, areaNumbers, priorityNumbers, actionIds } });
  }

  @Mutation(() => RiskModel, { description: "Move a risk's target score or date, with the reason (programme office, board)." })
  reviseRiskTarget(@Args('input') input: ReviseRiskTargetInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.change(input, principal, { type: 'ReviseRiskTarget', data: { riskId: input.riskId, target: { ...input.target }, reason: input.reason } });
  }

  @Mutation(() => RiskModel, { description: 'Set when the risk is next reviewed (its owner, the programme office).' })
  setRiskReviewDate(@Args('input') input: SetRiskReviewDateInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.change(input, principal, { type: 'SetRiskReviewDate', data: { riskId: input.riskId, reviewDate: input.reviewDate } });
  }

  @Mutation(() => RiskModel, { description: 'Add a mitigation: what will be done, by whom, by when (its owner, the programme office).' })
  async addMitigation(@Args('input') input: AddMitigationInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    const owner = await this.owners.resolveForRisk(input.owner, input.riskId, principal);
    const commandId = input.commandId ?? randomUUID();
    // From the command id, so a retried request decides the same mitigation again.
    const mitigationId = deterministicUuid('mitigation', commandId);
    const command: RiskCommand = { type: 'AddMitigation', data: { riskId: input.riskId, mitigationId, description: input.description, owner, dueDate: input.dueDate } };
    return this.send(command, BigInt(input.expectedRevision), principal, commandId);
  }

  @Mutation(() => RiskModel, { description: "Move a mitigation on: PLANNED, IN_PROGRESS, DONE or DROPPED (the risk's owner, the programme office)." })
  changeMitigationStatus(@Args('input') input: ChangeMitigationStatusInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    const { riskId, mitigationId, status, commentary } = input;
    return this.change(input, principal, { type: 'ChangeMitigationStatus', data: { riskId, mitigationId, status, commentary } });
  }

  @Mutation(() => RiskModel, { description: "Give an open risk to another owner, with the reason (programme office, board); the risk's history keeps who had it before." })
  async reassignRiskOwner(@Args('input') input: ReassignRiskOwnerInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    const owner = await this.owners.resolveForRisk(input.owner, input.riskId, principal);
    return this.change(input, principal, { type: 'ReassignRiskOwner', data: { riskId: input.riskId, owner, reason: input.reason } });
  }

  @Mutation(() => RiskModel, { description: 'Close a risk, with the reason (board).' })
  closeRisk(@Args('input') input: CloseRiskInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.change(input, principal, { type: 'CloseRisk', data: { riskId: input.riskId, reason: input.reason } });
  }

  @Mutation(() => RiskModel, { description: 'Record that the risk has happened and is now an issue (programme office, board).' })
  recordRiskAsIssue(@Args('input') input: RecordRiskAsIssueInput, @CurrentPrincipal() principal: Principal): Promise<RiskModel> {
    return this.change(input, principal, { type: 'RecordRiskAsIssue', data: { riskId: input.riskId, commentary: input.commentary } });
  }

  private change(input: RiskChangeInput, principal: Principal, command: RiskCommand): Promise<RiskModel> {
    return blamingAsOfDate(input, () => this.send(command, BigInt(input.expectedRevision), principal, input.commandId));
  }

  private async send(command: RiskCommand, expectedRevision: bigint | undefined, principal: Principal, commandId?: string): Promise<RiskModel> {
    const result = await this.commands.execute(command, expectedRevision, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return this.risks.byId(command.data.riskId, principal);
  }
}
