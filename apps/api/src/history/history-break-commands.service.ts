import { Inject, Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import {
  authorizeHistoryBreakAcknowledgement,
  HistoryBreakCommand,
  historyBreakDecider,
  HistoryBreakDetails,
  HistoryBreakEvent,
  HistoryBreakState,
  historyBreakStream,
  Principal,
} from '@send/domain';
import { CommandResult, EventStore, foldStream, WrongExpectedRevisionError } from '@send/event-store';
import { CommandRunner } from '../commands/runner/command-runner.service';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** Which process found a break, for whoever reads its record. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;

const CHECKER = { userId: 'system', displayName: 'History check', role: 'SYSTEM' };

/**
 * The history-break streams: the record of each break, the lock that makes one instance send
 * its alert, and the programme office's acknowledgement that lets writing go on.
 */
@Injectable()
export class HistoryBreakCommands {
  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  state(breakId: string): Promise<HistoryBreakState> {
    return this.runner.fold(historyBreakStream(breakId), historyBreakDecider);
  }

  /** The break record's revision, for an acknowledgement's expected revision; undefined before it is recorded. */
  async revision(breakId: string): Promise<number | undefined> {
    const { revision } = await foldStream(this.store, historyBreakStream(breakId), historyBreakDecider);
    return revision === undefined ? undefined : Number(revision);
  }

  /** True when this process recorded the break now, and so sends its alert; false when it was recorded already (here or elsewhere). */
  async record(details: HistoryBreakDetails): Promise<boolean> {
    try {
      const result = await this.system({ type: 'RecordHistoryBreak', data: { ...details, detectedBy: INSTANCE_NAME } });
      return result.events.length > 0 && !result.replayed;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  /** True when this process claimed the retry. */
  async claimRetry(breakId: string): Promise<boolean> {
    try {
      const result = await this.system({ type: 'ClaimHistoryBreakAlertRetry', data: { breakId, claimedBy: INSTANCE_NAME } });
      return result.events.length > 0 && !result.replayed;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  async alertSent(breakId: string, recipients: string[], accepted: string[], transport: string, messageId: string): Promise<void> {
    await this.system({ type: 'RecordHistoryBreakAlertSent', data: { breakId, recipients, accepted, transport, messageId } });
  }

  async alertFailed(breakId: string, error: string, permanent: boolean): Promise<void> {
    await this.system({ type: 'RecordHistoryBreakAlertFailed', data: { breakId, error, permanent } });
  }

  /** The programme office of `localAreaId` (the plan the person asked through) acknowledges the break. */
  acknowledge(breakId: string, reason: string, expectedRevision: bigint, principal: Principal, localAreaId: string, commandId?: string): Promise<CommandResult<HistoryBreakEvent, HistoryBreakState>> {
    const authorize = async () => {
      const role = authorizeHistoryBreakAcknowledgement(principal, localAreaId);
      return { actor: { userId: principal.userId, displayName: principal.displayName, role } };
    };
    return this.runner.run(historyBreakStream(breakId), historyBreakDecider, { type: 'AcknowledgeHistoryBreak', data: { breakId, reason } }, { principal, commandId }, undefined, authorize, expectedRevision);
  }

  private system(command: HistoryBreakCommand): Promise<CommandResult<HistoryBreakEvent, HistoryBreakState>> {
    return this.runner.run(historyBreakStream(command.data.breakId), historyBreakDecider, command, { principal: 'system', actor: CHECKER }, undefined, async () => undefined);
  }
}
