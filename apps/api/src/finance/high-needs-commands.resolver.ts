import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { HighNeedsCommand, Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ProjectionService } from '../infrastructure/projection.service';
import { RecordHighNeedsForecastInput, SetDeficitTrajectoryInput, SetHighNeedsYearInput, StartHighNeedsPositionInput } from './dto/high-needs.input';
import { HighNeedsPositionModel } from './models/high-needs.model';
import { HighNeedsCommands } from './high-needs-commands.service';
import { HighNeedsReadService } from './high-needs-read.service';

/**
 * Each mutation is one command on the plan's position stream (programme office); the answer is the
 * position after it. Only the start may come without an expected revision: it creates the stream.
 */
@Resolver(() => HighNeedsPositionModel)
export class HighNeedsCommandsResolver {
  constructor(
    private readonly commands: HighNeedsCommands,
    private readonly projections: ProjectionService,
    private readonly reader: HighNeedsReadService,
  ) {}

  @Mutation(() => HighNeedsPositionModel, { description: 'Start the position: its first financial year and the cumulative deficit brought forward into it (programme office).' })
  startHighNeedsPosition(@Args('input') input: StartHighNeedsPositionInput, @CurrentPrincipal() principal: Principal): Promise<HighNeedsPositionModel> {
    const { planId, firstYear, openingCumulativeDeficit } = input;
    return this.send({ type: 'StartHighNeedsPosition', data: { planId, firstYear, openingCumulativeDeficit } }, principal, undefined, input.commandId);
  }

  @Mutation(() => HighNeedsPositionModel, { description: "Set (or revise, with a reason) a year's DSG allocation and budget; years run without gaps (programme office)." })
  setHighNeedsYear(@Args('input') input: SetHighNeedsYearInput, @CurrentPrincipal() principal: Principal): Promise<HighNeedsPositionModel> {
    const { planId, year, dsgAllocation, budget, reason } = input;
    return this.send({ type: 'SetHighNeedsYear', data: { planId, year, dsgAllocation, budget, reason } }, principal, BigInt(input.expectedRevision), input.commandId);
  }

  @Mutation(() => HighNeedsPositionModel, { description: "Record a quarter's forecast outturn with commentary; a later one revises it and both are kept (programme office)." })
  recordHighNeedsForecast(@Args('input') input: RecordHighNeedsForecastInput, @CurrentPrincipal() principal: Principal): Promise<HighNeedsPositionModel> {
    const { planId, period, forecastOutturn, commentary } = input;
    return this.send({ type: 'RecordHighNeedsForecast', data: { planId, period, forecastOutturn, commentary } }, principal, BigInt(input.expectedRevision), input.commandId);
  }

  @Mutation(() => HighNeedsPositionModel, { description: "Set the recovery plan's cumulative deficit for a year and its Amber tolerance, with the reason (programme office)." })
  setDeficitTrajectory(@Args('input') input: SetDeficitTrajectoryInput, @CurrentPrincipal() principal: Principal): Promise<HighNeedsPositionModel> {
    const { planId, year, cumulativeDeficit, amberTolerance, reason } = input;
    return this.send({ type: 'SetDeficitTrajectory', data: { planId, year, cumulativeDeficit, amberTolerance, reason } }, principal, BigInt(input.expectedRevision), input.commandId);
  }

  private async send(command: HighNeedsCommand, principal: Principal, expectedRevision: bigint | undefined, commandId?: string): Promise<HighNeedsPositionModel> {
    const result = await this.commands.execute(command, expectedRevision, { principal, commandId });
    await this.projections.caughtUpTo(result.position);
    return (await this.reader.position(command.data.planId))!;
  }
}
