import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ExpensiveRead } from '../hardening/expensive-read.guard';
import { wholeHistoryComplexity } from '../hardening/history-complexity';
import { ProjectionService } from '../infrastructure/projection.service';
import { QuarterlyReturnChangeInput, WriteExecutiveSummaryInput } from './dto/quarterly-return.input';
import { QuarterlyReturnModel } from './models/quarterly-return.model';
import { QuarterlyReturnCommands } from './quarterly-return-commands.service';
import { QuarterlyReturnReadService } from './quarterly-return-read.service';

/** Each mutation is one command on the quarter's return stream; the answer is the return after it. */
@Resolver(() => QuarterlyReturnModel)
export class QuarterlyReturnCommandsResolver {
  constructor(
    private readonly commands: QuarterlyReturnCommands,
    private readonly projections: ProjectionService,
    private readonly reader: QuarterlyReturnReadService,
  ) {}

  @Mutation(() => QuarterlyReturnModel, {
    description: "Write (or rewrite) the quarter's executive summary (programme office). Rewriting a submitted return sends it back to draft; once signed off, a change is a correction and needs correctionReason.",
  })
  async writeExecutiveSummary(@Args('input') input: WriteExecutiveSummaryInput, @CurrentPrincipal() principal: Principal): Promise<QuarterlyReturnModel> {
    const { planId, quarter, text, correctionReason } = input;
    const expected = input.expectedRevision === undefined || input.expectedRevision === null ? undefined : BigInt(input.expectedRevision);
    const result = await this.commands.execute({ type: 'WriteExecutiveSummary', data: { planId, quarter, text, correctionReason } }, expected, { principal, commandId: input.commandId });
    return this.answer(planId, quarter, result.position);
  }

  @Mutation(() => QuarterlyReturnModel, { description: 'Submit the quarter’s return for the board chair’s sign-off, once the quarter has ended (programme office).' })
  async submitQuarterlyReturn(@Args('input') input: QuarterlyReturnChangeInput, @CurrentPrincipal() principal: Principal): Promise<QuarterlyReturnModel> {
    const { planId, quarter } = input;
    const result = await this.commands.execute({ type: 'SubmitQuarterlyReturn', data: { planId, quarter } }, BigInt(input.expectedRevision), { principal, commandId: input.commandId });
    return this.answer(planId, quarter, result.position);
  }

  @Mutation(() => QuarterlyReturnModel, {
    description:
      "Sign off the submitted return (board chair): records the SHA-256 of the quarterly report's HTML and CSV exactly as they stand, and freezes the report for the quarter at them; later changes show as corrections.",
    // It renders the whole report, as quarterlyReport does.
    complexity: wholeHistoryComplexity,
  })
  @ExpensiveRead()
  async signOffQuarterlyReturn(@Args('input') input: QuarterlyReturnChangeInput, @CurrentPrincipal() principal: Principal): Promise<QuarterlyReturnModel> {
    const result = await this.commands.signOff(input.planId, input.quarter, BigInt(input.expectedRevision), { principal, commandId: input.commandId });
    return this.answer(input.planId, input.quarter, result.position);
  }

  private async answer(planId: string, quarter: string, position: bigint | undefined): Promise<QuarterlyReturnModel> {
    await this.projections.caughtUpTo(position);
    return this.reader.read(planId, quarter);
  }
}
