import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Actor,
  ChainHeadMailCommand,
  chainHeadMailDecider,
  ChainHeadMailDetails,
  ChainHeadMailEvent,
  ChainHeadMailState,
  chainHeadMailStream,
  CommandMetadata,
  DomainError,
  schemaVersionOf,
} from '@send/domain';
import { deterministicUuid, EventStore, foldStream, handleCommand, WrongExpectedRevisionError } from '@send/event-store';
import { Clock } from '../common/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { INSTANCE_NAME } from '../reminders/reminder-ledger.service';

/** Only the claimant records an outcome, so a retry of that write may safely be recognised as one. */
const outcomeCommandId = (key: string, attempt: number) => deterministicUuid('chain-head-mail-outcome', key, String(attempt));

const SENDER: Actor = { userId: 'system', displayName: 'Chain head mailer', role: 'SYSTEM' };

/**
 * The chain head mail streams: the record of which head went to whom, and the lock that makes
 * sure each goes once. As with reminders, each claim is a command of its own (a fresh id),
 * appended at the revision its claimant read, so of two instances claiming at once the store
 * takes one and refuses the other.
 */
@Injectable()
export class ChainHeadMailLedgerService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async state(key: string): Promise<ChainHeadMailState> {
    return (await foldStream(this.store, chainHeadMailStream(key), chainHeadMailDecider)).state;
  }

  /** The attempt this process now owns, or undefined when it is sent, given up, not yet due again, or someone else claimed it. */
  async claim(details: ChainHeadMailDetails): Promise<number | undefined> {
    try {
      const result = await this.execute({ type: 'ClaimChainHeadMail', data: { ...details, claimedBy: INSTANCE_NAME } }, randomUUID());
      if (result.replayed || result.events.length === 0) return undefined;
      return (result.events[0] as Extract<ChainHeadMailEvent, { type: 'ChainHeadMailClaimed' }>).data.attempt;
    } catch (error) {
      if (error instanceof DomainError || error instanceof WrongExpectedRevisionError) return undefined;
      throw error;
    }
  }

  async recordSent(key: string, attempt: number, accepted: string[], transport: string): Promise<void> {
    await this.execute({ type: 'RecordChainHeadMailSent', data: { key, accepted, transport } }, outcomeCommandId(key, attempt));
  }

  async recordFailed(key: string, attempt: number, error: string, permanent: boolean): Promise<void> {
    await this.execute({ type: 'RecordChainHeadMailFailed', data: { key, error, permanent } }, outcomeCommandId(key, attempt));
  }

  private execute(command: ChainHeadMailCommand, commandId: string) {
    return handleCommand<ChainHeadMailCommand, ChainHeadMailEvent, ChainHeadMailState, CommandMetadata, void>(
      this.store,
      chainHeadMailStream(command.data.key),
      chainHeadMailDecider,
      command,
      { metadata: { now: this.clock.now(), commandId, correlationId: commandId, actor: SENDER }, context: undefined, schemaVersionOf },
    );
  }
}
