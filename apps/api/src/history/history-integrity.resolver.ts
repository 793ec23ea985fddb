import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Principal } from '@send/domain';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { AcknowledgeHistoryBreakInput } from './dto/acknowledge-history-break.input';
import { HistoryBreakCommands } from './history-break-commands.service';
import { HistoryIntegrityMonitor } from './history-integrity-monitor.service';
import { HistoryIntegrityReader } from './history-integrity-reader.service';
import { HistoryIntegrityModel } from './models/history-integrity.model';

@Resolver()
export class HistoryIntegrityResolver {
  constructor(
    private readonly reader: ActionReadService,
    private readonly breaks: HistoryBreakCommands,
    private readonly monitor: HistoryIntegrityMonitor,
    private readonly integrity: HistoryIntegrityReader,
  ) {}

  @Query(() => HistoryIntegrityModel, {
    description:
      "Whether the history this server answers from verifies, from its continuous check (nothing is re-hashed to answer). Anyone with a role in the plan's area: while it is BROKEN every answer also carries extensions.history.",
  })
  async historyIntegrity(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<HistoryIntegrityModel> {
    return this.integrity.model(await this.reader.plan(planId, principal));
  }

  @Mutation(() => HistoryIntegrityModel, {
    description:
      'The programme office acknowledges a break in the history, with the reason writing may go on: until then every change is refused (HISTORY_BROKEN). Answers stay marked unverified until the history is restored from a backup that verifies (npm run recover). NOT_FOUND for a break never recorded; CONFLICT once acknowledged.',
  })
  async acknowledgeHistoryBreak(@Args('input') input: AcknowledgeHistoryBreakInput, @CurrentPrincipal() principal: Principal): Promise<HistoryIntegrityModel> {
    const plan = await this.reader.plan(input.planId, principal);
    await this.breaks.acknowledge(input.breakId, input.reason, BigInt(input.expectedRevision), principal, plan.localAreaId, input.commandId);
    // Taken up here at once; other instances see it at their next check.
    await this.monitor.schedule(false);
    return this.integrity.model(plan);
  }
}
