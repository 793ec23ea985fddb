import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HistoryBreakState, historyBreakId } from '@send/domain';
import { ChainIntegrity } from '@send/event-store';
import { PlanEntity, UserEntity } from '@send/read-models';
import { CHAIN_INTEGRITY } from '../infrastructure/event-store.provider';
import { HistoryBreakCommands } from './history-break-commands.service';
import { HistoryVerificationService } from './history-verification.service';
import { HistoryIntegrityModel } from './models/history-integrity.model';

const ALERT_OF = { claimed: 'SENDING', sent: 'SENT', failed: 'FAILED' } as const;

/** The history's integrity as a plan's people may see it: the continuous check's last word, the break's record, who acknowledged it. */
@Injectable()
export class HistoryIntegrityReader {
  constructor(
    @Inject(CHAIN_INTEGRITY) private readonly integrity: ChainIntegrity,
    private readonly breaks: HistoryBreakCommands,
    private readonly verification: HistoryVerificationService,
    private readonly dataSource: DataSource,
  ) {}

  async model(plan: PlanEntity): Promise<HistoryIntegrityModel> {
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
