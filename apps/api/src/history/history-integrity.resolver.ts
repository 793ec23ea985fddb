import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { HistoryBreakState, historyBreakId, Principal } from '@send/domain';
import { ChainIntegrity } from '@send/event-store';
import { PlanEntity, UserEntity } from '@send/read-models';
import { ActionReadService } from '../reading/action-read.service';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CHAIN_INTEGRITY } from '../infrastructure/event-store.provider';
import { AcknowledgeHistoryBreakInput } from './dto/acknowledge-history-break.input';
import { HistoryBreakCommands } from './history-break-commands.service';
import { HistoryIntegrityMonitor } from './history-integrity-monitor.service';
import { HistoryVerificationService } from './history-verification.service';
import { HistoryIntegrityModel } from './models/history-integrity.model';

const ALERT_OF = { claimed: 'SENDING', sent: 'SENT', failed: 'FAILED' } as const;

@Resolver()
export class HistoryIntegrityResolver {
  constructor(
    private readonly reader: ActionReadService,
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
    private readonly breaks: HistoryBreakCommands,
    private readonly monitor: HistoryIntegrityMonitor,
    private readonly verification: HistoryVerificationService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => HistoryIntegrityModel, {
    description:
      "Whether the history this server answers from verifies, from its continuous check (nothing is re-hashed to answer). Anyone with a role in the plan's area: while it is BROKEN every answer also carries extensions.history.",
  })
  async historyIntegrity(@Args('planId', { type: () => ID }) planId: string, @CurrentPrincipal() principal: Principal): Promise<HistoryIntegrityModel> {
    return this.model(await this.reader.plan(planId, principal));
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
    return this.model(plan);
  }

  private async model(plan: PlanEntity): Promise<HistoryIntegrityModel> {
    const { status, verifiedThrough, firstBreak, lastCheckedAt, acknowledgement } = this.integrity.snapshot();
    const model: HistoryIntegrityModel = {
      status,
      verifiedThrough: status === 'VERIFIED' && verifiedThrough ? { position: String(verifiedThrough.position), hash: verifiedThrough.hash } : undefined,
      lastCheckedAt,
      writesRefused: status === 'BROKEN' && !acknowledgement,
    };
    if (status !== 'BROKEN' || !firstBreak) return model;
    const breakId = historyBreakId(firstBreak.position, firstBreak.kind);
    const [found, state, revision] = await Promise.all([this.verification.visibleTo(plan, firstBreak), this.breaks.state(breakId), this.breaks.revision(breakId)]);
    model.break = { breakId, found, ...(await this.recorded(state)), revision };
    return model;
  }

  private async recorded(state: HistoryBreakState) {
    if (state.status === 'absent') return {};
    const alert = state.alert.status === 'failed' && state.alert.retryAfter === null ? 'GAVE_UP' : ALERT_OF[state.alert.status];
    const ack = state.acknowledgement;
    const by = ack && (await this.dataSource.getRepository(UserEntity).findOneBy({ userId: ack.acknowledgedBy }));
    return {
      detectedAt: state.detectedAt,
      alert,
      acknowledgement: ack ? { reason: ack.reason, acknowledgedBy: by?.displayName ?? ack.acknowledgedBy, acknowledgedAt: ack.acknowledgedAt } : undefined,
    } as const;
  }
}
